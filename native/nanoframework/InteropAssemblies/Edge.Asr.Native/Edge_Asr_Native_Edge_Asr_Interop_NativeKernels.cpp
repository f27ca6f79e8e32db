//
// The bodies of Edge.Asr.Interop.NativeKernels (native/nanoframework/NativeKernels.cs) for a custom
// nanoFramework firmware: each checks the ranges it was given against the managed arrays (C must
// never read or write outside them), then calls the C99 kernel of native/src. The declarations
// come from the stub header the metadata processor generates (same namespace, class and
// parameter order); if a newer generator names a type differently, follow its header.
//
// MapResource finds the model's binary resource in the deployment area the way nanoCLR's own
// ResourceManager.GetObjectInternal does (TypeSystem LocateResourceFile / LocateResource, then
// CLR_RT_Assembly::GetResourceData) and keeps its address: the ...InBlob methods given an empty
// blob array then read the tensors there, in place, instead of in a RAM copy.
//

#include "Edge_Asr_Native.h"
#include "Edge_Asr_Native_Edge_Asr_Interop_NativeKernels.h"
#include "edge_asr_kernels.h"

using namespace Edge_Asr_Native::Edge_Asr::Interop;

// The interop method table's version (InteropKernels.AbiVersion): 2 added MapResource and the flash blob, 3 RunningMeanSubtractS16.
// The C kernels' own version is EASR_ABI_VERSION; this glue is written against version 3 of them (the input norm's kernel).
#define EASR_INTEROP_VERSION 3
static_assert(EASR_ABI_VERSION == 3, "the glue is written against the C kernels' ABI version 3");

// MapResource's answers besides the blob's length (InteropKernels.MapProblem says them in words).
#define EASR_MAP_NOT_FOUND     -1 // no loaded assembly has that resource file and id
#define EASR_MAP_NOT_BINARY    -2 // the resource is a string (or another kind), not bytes
#define EASR_MAP_MISALIGNED    -3 // its first byte is not 4-byte aligned: int16/int32 tensors would be misaligned
#define EASR_MAP_IN_HEAP       -4 // it lies in the managed heap (an assembly loaded into RAM), which compaction may move
#define EASR_MAP_BAD_ARGUMENT  -5 // no resource file name

// Bytes the ...InBlob methods read: a managed byte array, or the registered flash resource.
struct EasrBlobView
{
    const CLR_UINT8 *base;
    CLR_UINT32 size;
};

// The model resource MapResource found (base NULL until then). The deployment area is memory-mapped
// flash (read in place by nanoCLR itself) and assemblies there are never moved, so the address stays valid.
static EasrBlobView s_flashBlob = {NULL, 0};

// The bytes the InBlob methods address: the array itself, or (an empty array) the flash blob; false when neither.
static bool EasrView(CLR_RT_TypedArray_UINT8 &blob, EasrBlobView &view)
{
    if (blob.GetSize() == 0)
    {
        view = s_flashBlob;
        return view.base != NULL;
    }
    view.base = blob.GetBuffer();
    view.size = blob.GetSize();
    return true;
}

// offset .. offset + count must lie inside the array (count >= 1).
#define EASR_RANGE(array, offset, count)                                                             \
    if ((count) < 1 || (offset) < 0 || (CLR_UINT32)(offset) + (CLR_UINT32)(count) > (array).GetSize()) \
    {                                                                                                \
        hr = CLR_E_INDEX_OUT_OF_RANGE;                                                               \
        return;                                                                                      \
    }

// Resolves the blob array to a view (array or flash) or fails the call.
#define EASR_VIEW(blob, view)                                                                        \
    EasrBlobView view;                                                                               \
    if (!EasrView((blob), view))                                                                     \
    {                                                                                                \
        hr = CLR_E_INVALID_OPERATION;                                                                \
        return;                                                                                      \
    }

// A tensor of count elements of the given bytes each at byte offset at of the blob: inside it and aligned to its element
// size (the blob's first byte must be 4-byte aligned too, so int16/int32 loads from it are aligned).
#define EASR_BLOB(view, at, count, bytes)                                                                       \
    if ((count) < 1 || (at) < 0 || ((at) % (bytes)) != 0 || ((CLR_UINT32)(uintptr_t)(view).base & 3u) != 0     \
        || (CLR_UINT32)(at) + (CLR_UINT32)(count) * (CLR_UINT32)(bytes) > (view).size)                          \
    {                                                                                                           \
        hr = CLR_E_INDEX_OUT_OF_RANGE;                                                                          \
        return;                                                                                                 \
    }

#define EASR_I8(view, at) ((const int8_t *)((view).base + (at)))
#define EASR_I16(view, at) ((const int16_t *)((view).base + (at)))
#define EASR_I32(view, at) ((const int32_t *)((view).base + (at)))

signed int NativeKernels::AbiVersion(HRESULT &hr)
{
    (void)hr;
    // The app checks the method table's version; the C kernels' own is fixed at compile time (static_assert above).
    return EASR_INTEROP_VERSION;
}

signed int NativeKernels::MapResource(const char *resourceFile, int16_t resourceId, HRESULT &hr)
{
    (void)hr;
    if (resourceFile == NULL || resourceFile[0] == 0)
    {
        return EASR_MAP_BAD_ARGUMENT;
    }
    // Every loaded assembly: the resource file may be in the app's own assembly or a satellite (ResourceManager.cs).
    NANOCLR_FOREACH_ASSEMBLY(g_CLR_RT_TypeSystem)
    {
        CLR_RT_Assembly_Index index;
        index.Set(pASSM->m_idx);
        CLR_RT_Assembly_Instance assembly;
        CLR_INT32 file = -1;
        if (!assembly.InitializeFromIndex(index) || FAILED(g_CLR_RT_TypeSystem.LocateResourceFile(assembly, resourceFile, file))
            || file < 0)
        {
            continue;
        }
        const CLR_RECORD_RESOURCE *resource = NULL;
        CLR_UINT32 size = 0;
        if (FAILED(g_CLR_RT_TypeSystem.LocateResource(assembly, file, resourceId, resource, size)) || resource == NULL)
        {
            continue;
        }
        if (resource->kind != CLR_RECORD_RESOURCE::RESOURCE_Binary)
        {
            return EASR_MAP_NOT_BINARY;
        }
        const CLR_UINT8 *data = pASSM->GetResourceData(resource->offset);
        if (((CLR_UINT32)(uintptr_t)data & 3u) != 0)
        {
            return EASR_MAP_MISALIGNED;
        }
        if (data >= s_CLR_RT_Heap.m_location && data < s_CLR_RT_Heap.m_location + s_CLR_RT_Heap.m_size)
        {
            return EASR_MAP_IN_HEAP;
        }
        s_flashBlob.base = data;
        s_flashBlob.size = size;
        return (signed int)size;
    }
    NANOCLR_FOREACH_ASSEMBLY_END();
    return EASR_MAP_NOT_FOUND;
}

void NativeKernels::LinearS8S16(
    CLR_RT_TypedArray_INT16 input, signed int inOffset, signed int inputSize, CLR_RT_TypedArray_INT8 weights,
    CLR_RT_TypedArray_INT32 bias, CLR_RT_TypedArray_INT32 multipliers, CLR_RT_TypedArray_INT32 shifts,
    CLR_RT_TypedArray_INT16 output, signed int outOffset, signed int outputSize, bool relu, HRESULT &hr)
{
    EASR_RANGE(input, inOffset, inputSize);
    EASR_RANGE(output, outOffset, outputSize);
    EASR_RANGE(weights, 0, inputSize * outputSize);
    EASR_RANGE(bias, 0, outputSize);
    EASR_RANGE(multipliers, 0, outputSize);
    EASR_RANGE(shifts, 0, outputSize);
    easr_linear_s8s16(input.GetBuffer() + inOffset, inputSize, weights.GetBuffer(), bias.GetBuffer(), multipliers.GetBuffer(),
        shifts.GetBuffer(), output.GetBuffer() + outOffset, outputSize, relu ? 1 : 0);
}

void NativeKernels::DepthwiseConv1dS8S16(
    CLR_RT_TypedArray_INT16 input, signed int inOffset, CLR_RT_TypedArray_INT16 history, signed int oldest, signed int channels,
    signed int kernel, CLR_RT_TypedArray_INT8 weights, CLR_RT_TypedArray_INT32 bias, CLR_RT_TypedArray_INT32 multipliers,
    CLR_RT_TypedArray_INT32 shifts, CLR_RT_TypedArray_INT16 output, signed int outOffset, HRESULT &hr)
{
    EASR_RANGE(input, inOffset, channels);
    EASR_RANGE(output, outOffset, channels);
    EASR_RANGE(weights, 0, channels * kernel);
    EASR_RANGE(bias, 0, channels);
    EASR_RANGE(multipliers, 0, channels);
    EASR_RANGE(shifts, 0, channels);
    if (kernel > 1)
    {
        EASR_RANGE(history, 0, (kernel - 1) * channels);
        if (oldest < 0 || oldest >= kernel - 1)
        {
            hr = CLR_E_INDEX_OUT_OF_RANGE;
            return;
        }
    }
    easr_depthwise_conv1d_s8s16(input.GetBuffer() + inOffset, history.GetBuffer(), oldest, channels, kernel, weights.GetBuffer(),
        bias.GetBuffer(), multipliers.GetBuffer(), shifts.GetBuffer(), output.GetBuffer() + outOffset);
}

signed int NativeKernels::LayerNormS16(
    CLR_RT_TypedArray_INT16 input, signed int inOffset, signed int width, CLR_RT_TypedArray_INT16 gamma,
    CLR_RT_TypedArray_INT32 beta, signed int fracIn, signed int outShift, int64_t epsQ32, signed int widthLog2,
    CLR_RT_TypedArray_INT32 scratch, CLR_RT_TypedArray_INT32 inverseSqrtTable, CLR_RT_TypedArray_INT16 output,
    signed int outOffset, HRESULT &hr)
{
    if ((width < 1) || (CLR_UINT32)inOffset + (CLR_UINT32)width > input.GetSize() || (CLR_UINT32)outOffset + (CLR_UINT32)width > output.GetSize()
        || inOffset < 0 || outOffset < 0 || gamma.GetSize() < (CLR_UINT32)width || beta.GetSize() < (CLR_UINT32)width
        || scratch.GetSize() < (CLR_UINT32)width || inverseSqrtTable.GetSize() < 49)
    {
        hr = CLR_E_INDEX_OUT_OF_RANGE;
        return 0;
    }
    return easr_layernorm_s16(input.GetBuffer() + inOffset, width, gamma.GetBuffer(), beta.GetBuffer(), fracIn, outShift, epsQ32,
        widthLog2, scratch.GetBuffer(), inverseSqrtTable.GetBuffer(), output.GetBuffer() + outOffset);
}

void NativeKernels::SoftmaxS16(
    CLR_RT_TypedArray_INT16 input, signed int inOffset, signed int length, signed int uShift, CLR_RT_TypedArray_INT32 scratch,
    CLR_RT_TypedArray_INT32 exp2Table, CLR_RT_TypedArray_INT32 reciprocalTable, CLR_RT_TypedArray_INT16 output,
    signed int outOffset, HRESULT &hr)
{
    EASR_RANGE(input, inOffset, length);
    EASR_RANGE(output, outOffset, length);
    EASR_RANGE(scratch, 0, length);
    EASR_RANGE(exp2Table, 0, 65);
    EASR_RANGE(reciprocalTable, 0, 33);
    easr_softmax_s16(input.GetBuffer() + inOffset, length, uShift, scratch.GetBuffer(), exp2Table.GetBuffer(),
        reciprocalTable.GetBuffer(), output.GetBuffer() + outOffset);
}

void NativeKernels::SwishS16(
    CLR_RT_TypedArray_INT16 input, signed int inOffset, signed int width, signed int fracIn, signed int shift,
    CLR_RT_TypedArray_INT16 sigmoidTable, CLR_RT_TypedArray_INT16 output, signed int outOffset, HRESULT &hr)
{
    EASR_RANGE(input, inOffset, width);
    EASR_RANGE(output, outOffset, width);
    EASR_RANGE(sigmoidTable, 0, 513);
    easr_swish_s16(input.GetBuffer() + inOffset, width, fracIn, shift, sigmoidTable.GetBuffer(), output.GetBuffer() + outOffset);
}

void NativeKernels::SigmoidS16(
    CLR_RT_TypedArray_INT16 input, signed int inOffset, signed int width, signed int fracIn, CLR_RT_TypedArray_INT16 sigmoidTable,
    CLR_RT_TypedArray_INT16 output, signed int outOffset, HRESULT &hr)
{
    EASR_RANGE(input, inOffset, width);
    EASR_RANGE(output, outOffset, width);
    EASR_RANGE(sigmoidTable, 0, 513);
    easr_sigmoid_s16(input.GetBuffer() + inOffset, width, fracIn, sigmoidTable.GetBuffer(), output.GetBuffer() + outOffset);
}

void NativeKernels::GluS16(
    CLR_RT_TypedArray_INT16 input, signed int inOffset, signed int channels, signed int fracIn, signed int shift,
    CLR_RT_TypedArray_INT16 sigmoidTable, CLR_RT_TypedArray_INT16 output, signed int outOffset, HRESULT &hr)
{
    EASR_RANGE(input, inOffset, 2 * channels);
    EASR_RANGE(output, outOffset, channels);
    EASR_RANGE(sigmoidTable, 0, 513);
    easr_glu_s16(input.GetBuffer() + inOffset, channels, fracIn, shift, sigmoidTable.GetBuffer(), output.GetBuffer() + outOffset);
}

void NativeKernels::ResidualAddS16(
    CLR_RT_TypedArray_INT16 a, signed int aOffset, CLR_RT_TypedArray_INT16 b, signed int bOffset, signed int width,
    signed int shiftA, signed int shiftB, signed int shiftOut, CLR_RT_TypedArray_INT16 output, signed int outOffset, HRESULT &hr)
{
    EASR_RANGE(a, aOffset, width);
    EASR_RANGE(b, bOffset, width);
    EASR_RANGE(output, outOffset, width);
    easr_residual_add_s16(a.GetBuffer() + aOffset, b.GetBuffer() + bOffset, width, shiftA, shiftB, shiftOut, output.GetBuffer() + outOffset);
}

void NativeKernels::SubsampleConv1S8S16(
    CLR_RT_TypedArray_INT16 mel2, CLR_RT_TypedArray_INT16 mel1, CLR_RT_TypedArray_INT16 mel, signed int melOffset, signed int melBins,
    signed int bins1, signed int channels, CLR_RT_TypedArray_INT8 weights, CLR_RT_TypedArray_INT32 bias,
    CLR_RT_TypedArray_INT32 multipliers, CLR_RT_TypedArray_INT32 shifts, CLR_RT_TypedArray_INT16 output, HRESULT &hr)
{
    EASR_RANGE(mel2, 0, melBins);
    EASR_RANGE(mel1, 0, melBins);
    EASR_RANGE(mel, melOffset, melBins);
    EASR_RANGE(output, 0, bins1 * channels);
    EASR_RANGE(weights, 0, 9 * channels);
    EASR_RANGE(bias, 0, channels);
    EASR_RANGE(multipliers, 0, channels);
    EASR_RANGE(shifts, 0, channels);
    easr_subsample_conv1_s8s16(mel2.GetBuffer(), mel1.GetBuffer(), mel.GetBuffer() + melOffset, melBins, bins1, channels,
        weights.GetBuffer(), bias.GetBuffer(), multipliers.GetBuffer(), shifts.GetBuffer(), output.GetBuffer());
}

void NativeKernels::SubsampleDepthwiseS8S16(
    CLR_RT_TypedArray_INT16 older, CLR_RT_TypedArray_INT16 old, CLR_RT_TypedArray_INT16 now, signed int bins1, signed int bin2,
    signed int channels, CLR_RT_TypedArray_INT8 weights, CLR_RT_TypedArray_INT32 bias, CLR_RT_TypedArray_INT32 multipliers,
    CLR_RT_TypedArray_INT32 shifts, CLR_RT_TypedArray_INT16 output, HRESULT &hr)
{
    EASR_RANGE(older, 0, bins1 * channels);
    EASR_RANGE(old, 0, bins1 * channels);
    EASR_RANGE(now, 0, bins1 * channels);
    EASR_RANGE(output, 0, channels);
    EASR_RANGE(weights, 0, 9 * channels);
    EASR_RANGE(bias, 0, channels);
    EASR_RANGE(multipliers, 0, channels);
    EASR_RANGE(shifts, 0, channels);
    if (bin2 < 0 || 2 * bin2 > bins1)
    {
        hr = CLR_E_INDEX_OUT_OF_RANGE;
        return;
    }
    easr_subsample_depthwise_s8s16(older.GetBuffer(), old.GetBuffer(), now.GetBuffer(), bins1, bin2, channels, weights.GetBuffer(),
        bias.GetBuffer(), multipliers.GetBuffer(), shifts.GetBuffer(), output.GetBuffer());
}

void NativeKernels::RunningMeanSubtractS16(
    CLR_RT_TypedArray_INT16 input, signed int inOffset, CLR_RT_TypedArray_INT32 means, signed int channels, signed int shift, bool first,
    CLR_RT_TypedArray_INT16 output, signed int outOffset, HRESULT &hr)
{
    EASR_RANGE(input, inOffset, channels);
    EASR_RANGE(means, 0, channels);
    EASR_RANGE(output, outOffset, channels);
    // The C kernel refuses a shift outside [1, 8] (InteropKernels checks it first, with the managed kernel's message).
    if (easr_running_mean_subtract_s16(input.GetBuffer() + inOffset, means.GetBuffer(), channels, shift, first ? 1 : 0,
            output.GetBuffer() + outOffset) != 0)
    {
        hr = CLR_E_OUT_OF_RANGE;
    }
}

void NativeKernels::AttentionScoresS16(
    CLR_RT_TypedArray_INT16 query, signed int qOffset, CLR_RT_TypedArray_INT16 keys, signed int kOffset, signed int subDim,
    signed int headDim, signed int count, signed int multiplier, signed int shift, CLR_RT_TypedArray_INT16 scores, HRESULT &hr)
{
    EASR_RANGE(query, qOffset, headDim);
    EASR_RANGE(keys, kOffset, (count - 1) * subDim + headDim);
    EASR_RANGE(scores, 0, count);
    easr_attention_scores_s16(query.GetBuffer() + qOffset, keys.GetBuffer() + kOffset, subDim, headDim, count, multiplier, shift,
        scores.GetBuffer());
}

void NativeKernels::AttentionContextS16(
    CLR_RT_TypedArray_INT16 probs, signed int count, CLR_RT_TypedArray_INT16 values, signed int vOffset, signed int subDim,
    signed int headDim, signed int contextShift, CLR_RT_TypedArray_INT16 output, signed int outOffset, HRESULT &hr)
{
    EASR_RANGE(probs, 0, count);
    EASR_RANGE(values, vOffset, (count - 1) * subDim + headDim);
    EASR_RANGE(output, outOffset, headDim);
    easr_attention_context_s16(probs.GetBuffer(), count, values.GetBuffer() + vOffset, subDim, headDim, contextShift,
        output.GetBuffer() + outOffset);
}

signed int NativeKernels::LogMelFrameS16(
    CLR_RT_TypedArray_INT16 window, signed int windowLength, CLR_RT_TypedArray_INT32 bitReverse,
    CLR_RT_TypedArray_INT32 re, CLR_RT_TypedArray_INT32 im, CLR_RT_TypedArray_INT32 magnitude, CLR_RT_TypedArray_INT16 output,
    CLR_RT_TypedArray_INT32 hannTable, CLR_RT_TypedArray_INT32 cosTable, CLR_RT_TypedArray_INT32 sinTable,
    CLR_RT_TypedArray_INT16 melStartTable, CLR_RT_TypedArray_INT16 melLengthTable, CLR_RT_TypedArray_INT16 melOffsetTable,
    CLR_RT_TypedArray_INT16 melWeightsTable, CLR_RT_TypedArray_INT32 log2Table, HRESULT &hr)
{
    const CLR_UINT32 channels = 40;
    if (windowLength < 2 || windowLength > 512 || (windowLength & 1) != 0 || window.GetSize() < (CLR_UINT32)windowLength
        || hannTable.GetSize() < (CLR_UINT32)windowLength || bitReverse.GetSize() < 256
        || re.GetSize() < 256 || im.GetSize() < 256 || magnitude.GetSize() < 256 || output.GetSize() < channels || cosTable.GetSize() < 384
        || sinTable.GetSize() < 384 || melStartTable.GetSize() < channels || melLengthTable.GetSize() < channels
        || melOffsetTable.GetSize() < channels || log2Table.GetSize() < 129)
    {
        hr = CLR_E_INDEX_OUT_OF_RANGE;
        return 0;
    }
    return easr_logmel_frame_s16(window.GetBuffer(), windowLength, hannTable.GetBuffer(), cosTable.GetBuffer(), sinTable.GetBuffer(),
        bitReverse.GetBuffer(), melStartTable.GetBuffer(), melLengthTable.GetBuffer(), melOffsetTable.GetBuffer(),
        melWeightsTable.GetBuffer(), (int32_t)channels, log2Table.GetBuffer(), re.GetBuffer(), im.GetBuffer(),
        magnitude.GetBuffer(), output.GetBuffer());
}

void NativeKernels::LinearS8S16InBlob(
    CLR_RT_TypedArray_UINT8 blob, CLR_RT_TypedArray_INT16 input, signed int inOffset, signed int inputSize, signed int weightsAt,
    signed int biasAt, signed int multipliersAt, signed int shiftsAt, CLR_RT_TypedArray_INT16 output, signed int outOffset,
    signed int outputSize, bool relu, HRESULT &hr)
{
    EASR_VIEW(blob, view);
    EASR_RANGE(input, inOffset, inputSize);
    EASR_RANGE(output, outOffset, outputSize);
    EASR_BLOB(view, weightsAt, inputSize * outputSize, 1);
    EASR_BLOB(view, biasAt, outputSize, 4);
    EASR_BLOB(view, multipliersAt, outputSize, 4);
    EASR_BLOB(view, shiftsAt, outputSize, 4);
    easr_linear_s8s16(input.GetBuffer() + inOffset, inputSize, EASR_I8(view, weightsAt), EASR_I32(view, biasAt),
        EASR_I32(view, multipliersAt), EASR_I32(view, shiftsAt), output.GetBuffer() + outOffset, outputSize, relu ? 1 : 0);
}

void NativeKernels::DepthwiseConv1dS8S16InBlob(
    CLR_RT_TypedArray_UINT8 blob, CLR_RT_TypedArray_INT16 input, signed int inOffset, CLR_RT_TypedArray_INT16 history, signed int oldest,
    signed int channels, signed int kernel, signed int weightsAt, signed int biasAt, signed int multipliersAt, signed int shiftsAt,
    CLR_RT_TypedArray_INT16 output, signed int outOffset, HRESULT &hr)
{
    EASR_VIEW(blob, view);
    EASR_RANGE(input, inOffset, channels);
    EASR_RANGE(output, outOffset, channels);
    EASR_BLOB(view, weightsAt, channels * kernel, 1);
    EASR_BLOB(view, biasAt, channels, 4);
    EASR_BLOB(view, multipliersAt, channels, 4);
    EASR_BLOB(view, shiftsAt, channels, 4);
    if (kernel > 1)
    {
        EASR_RANGE(history, 0, (kernel - 1) * channels);
        if (oldest < 0 || oldest >= kernel - 1)
        {
            hr = CLR_E_INDEX_OUT_OF_RANGE;
            return;
        }
    }
    easr_depthwise_conv1d_s8s16(input.GetBuffer() + inOffset, kernel > 1 ? history.GetBuffer() : input.GetBuffer(), oldest, channels, kernel,
        EASR_I8(view, weightsAt), EASR_I32(view, biasAt), EASR_I32(view, multipliersAt), EASR_I32(view, shiftsAt),
        output.GetBuffer() + outOffset);
}

signed int NativeKernels::LayerNormS16InBlob(
    CLR_RT_TypedArray_UINT8 blob, CLR_RT_TypedArray_INT16 input, signed int inOffset, signed int width, signed int gammaAt, signed int betaAt,
    signed int fracIn, signed int outShift, int64_t epsQ32, signed int widthLog2, CLR_RT_TypedArray_INT32 scratch,
    CLR_RT_TypedArray_INT32 inverseSqrtTable, CLR_RT_TypedArray_INT16 output, signed int outOffset, HRESULT &hr)
{
    EasrBlobView view;
    if (!EasrView(blob, view))
    {
        hr = CLR_E_INVALID_OPERATION;
        return 0;
    }
    if ((width) < 1 || (inOffset) < 0 || (CLR_UINT32)inOffset + (CLR_UINT32)width > input.GetSize() || (outOffset) < 0
        || (CLR_UINT32)outOffset + (CLR_UINT32)width > output.GetSize() || (CLR_UINT32)width > scratch.GetSize()
        || gammaAt < 0 || (gammaAt % 2) != 0 || (CLR_UINT32)gammaAt + 2u * (CLR_UINT32)width > view.size
        || betaAt < 0 || (betaAt % 4) != 0 || (CLR_UINT32)betaAt + 4u * (CLR_UINT32)width > view.size
        || ((CLR_UINT32)(uintptr_t)view.base & 3u) != 0)
    {
        hr = CLR_E_INDEX_OUT_OF_RANGE;
        return 0;
    }
    return easr_layernorm_s16(input.GetBuffer() + inOffset, width, EASR_I16(view, gammaAt), EASR_I32(view, betaAt), fracIn, outShift,
        epsQ32, widthLog2, scratch.GetBuffer(), inverseSqrtTable.GetBuffer(), output.GetBuffer() + outOffset);
}

void NativeKernels::SubsampleConv1S8S16InBlob(
    CLR_RT_TypedArray_UINT8 blob, CLR_RT_TypedArray_INT16 mel2, CLR_RT_TypedArray_INT16 mel1, CLR_RT_TypedArray_INT16 mel,
    signed int melOffset, signed int melBins, signed int bins1, signed int channels, signed int weightsAt, signed int biasAt,
    signed int multipliersAt, signed int shiftsAt, CLR_RT_TypedArray_INT16 output, HRESULT &hr)
{
    EASR_VIEW(blob, view);
    EASR_RANGE(mel2, 0, melBins);
    EASR_RANGE(mel1, 0, melBins);
    EASR_RANGE(mel, melOffset, melBins);
    EASR_RANGE(output, 0, bins1 * channels);
    EASR_BLOB(view, weightsAt, 9 * channels, 1);
    EASR_BLOB(view, biasAt, channels, 4);
    EASR_BLOB(view, multipliersAt, channels, 4);
    EASR_BLOB(view, shiftsAt, channels, 4);
    if (2 * (bins1 - 1) > melBins)
    {
        hr = CLR_E_INDEX_OUT_OF_RANGE;
        return;
    }
    easr_subsample_conv1_s8s16(mel2.GetBuffer(), mel1.GetBuffer(), mel.GetBuffer() + melOffset, melBins, bins1, channels,
        EASR_I8(view, weightsAt), EASR_I32(view, biasAt), EASR_I32(view, multipliersAt), EASR_I32(view, shiftsAt), output.GetBuffer());
}

void NativeKernels::SubsampleDepthwiseS8S16InBlob(
    CLR_RT_TypedArray_UINT8 blob, CLR_RT_TypedArray_INT16 older, CLR_RT_TypedArray_INT16 old, CLR_RT_TypedArray_INT16 now,
    signed int bins1, signed int bin2, signed int channels, signed int weightsAt, signed int biasAt, signed int multipliersAt,
    signed int shiftsAt, CLR_RT_TypedArray_INT16 output, HRESULT &hr)
{
    EASR_VIEW(blob, view);
    EASR_RANGE(older, 0, bins1 * channels);
    EASR_RANGE(old, 0, bins1 * channels);
    EASR_RANGE(now, 0, bins1 * channels);
    EASR_RANGE(output, 0, channels);
    EASR_BLOB(view, weightsAt, 9 * channels, 1);
    EASR_BLOB(view, biasAt, channels, 4);
    EASR_BLOB(view, multipliersAt, channels, 4);
    EASR_BLOB(view, shiftsAt, channels, 4);
    if (bin2 < 0 || 2 * bin2 > bins1)
    {
        hr = CLR_E_INDEX_OUT_OF_RANGE;
        return;
    }
    easr_subsample_depthwise_s8s16(older.GetBuffer(), old.GetBuffer(), now.GetBuffer(), bins1, bin2, channels, EASR_I8(view, weightsAt),
        EASR_I32(view, biasAt), EASR_I32(view, multipliersAt), EASR_I32(view, shiftsAt), output.GetBuffer());
}
