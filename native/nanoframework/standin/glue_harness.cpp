//
// Exercises the interop glue (Edge_Asr_Native_Edge_Asr_Interop_NativeKernels.cpp) against the STAND-IN runtime of
// nanoclr_standin.h: one fake assembly holding the model blob as a binary resource, and the other cases MapResource
// must refuse. Not nanoCLR: it checks the glue's own logic (locating, registering, addressing the registered blob,
// range and alignment checks), not how the real runtime behaves. Prints one line; exit 0 when every check passed.
//
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "Edge_Asr_Native.h"
#include "Edge_Asr_Native_Edge_Asr_Interop_NativeKernels.h"
#include "edge_asr_kernels.h"

using namespace Edge_Asr_Native::Edge_Asr::Interop;

CLR_RT_TypeSystem g_CLR_RT_TypeSystem;
CLR_RT_MemoryRange s_CLR_RT_Heap;

// The fake memory: one resource file with four resources (binary, string, misaligned binary, one in the "heap": the last
// kilobyte of the image plays the managed heap, so that resource is addressed like the others).
static const char *const c_file = "Edge.Asr.firmware.Resources.ModelResources.nanoresources";
static unsigned char s_image[4096] __attribute__((aligned(4)));
static CLR_RECORD_RESOURCE s_resources[4];
static CLR_UINT32 s_sizes[4];
static CLR_RT_Assembly s_other, s_app;

bool CLR_RT_Assembly_Instance::InitializeFromIndex(const CLR_RT_Assembly_Index &idx)
{
    CLR_UINT32 i = idx.m_data >> 16;
    m_data = idx.m_data;
    m_assm = i == s_other.m_idx ? &s_other : i == s_app.m_idx ? &s_app : NULL;
    return m_assm != NULL;
}

HRESULT CLR_RT_TypeSystem::LocateResourceFile(CLR_RT_Assembly_Instance assm, const char *name, CLR_INT32 &idxResourceFile)
{
    idxResourceFile = (assm.m_assm == &s_app && strcmp(name, c_file) == 0) ? 0 : -1;
    return idxResourceFile < 0 ? CLR_E_FAIL : S_OK;
}

HRESULT CLR_RT_TypeSystem::LocateResource(CLR_RT_Assembly_Instance assm, CLR_INT32 idxResourceFile, CLR_INT16 id,
    const CLR_RECORD_RESOURCE *&res, CLR_UINT32 &size)
{
    res = NULL;
    size = 0;
    if (assm.m_assm != &s_app || idxResourceFile != 0) return CLR_E_FAIL;
    for (int i = 0; i < 4; i++)
    {
        if (s_resources[i].id == id)
        {
            res = &s_resources[i];
            size = s_sizes[i];
        }
    }
    return S_OK;
}

static int s_checks, s_failures;

static void Check(bool ok, const char *what)
{
    s_checks++;
    if (!ok)
    {
        s_failures++;
        printf("glue stand-in: FAILED: %s\n", what);
    }
}

// Little-endian int32 at byte offset at of the image's blob (the resource starts at image offset 0).
static void Put32(unsigned char *p, int32_t v)
{
    for (int b = 0; b < 4; b++) p[b] = (unsigned char)(v >> (8 * b));
}

int main()
{
    // A 3-input, 2-output Linear laid out as the blob lays it out: int8 weights at 0, int32 bias/multipliers/shifts aligned.
    const CLR_UINT32 blobBytes = 64;
    signed char w[6] = {1, -2, 3, -4, 5, -6};
    memcpy(s_image, w, 6);
    Put32(s_image + 8, 100);
    Put32(s_image + 12, -50);
    Put32(s_image + 16, 1 << 30);
    Put32(s_image + 20, 1 << 30);
    Put32(s_image + 24, 0);
    Put32(s_image + 28, 1);
    s_resources[0] = {30387, CLR_RECORD_RESOURCE::RESOURCE_Binary, 0, 0};
    s_sizes[0] = blobBytes;
    s_resources[1] = {7, CLR_RECORD_RESOURCE::RESOURCE_String, 0, 100};
    s_sizes[1] = 5;
    s_resources[2] = {8, CLR_RECORD_RESOURCE::RESOURCE_Binary, 0, 201};
    s_sizes[2] = 16;
    s_resources[3] = {9, CLR_RECORD_RESOURCE::RESOURCE_Binary, 0, 3072};
    s_sizes[3] = 16;
    s_other.m_idx = 1;
    s_other.standInResourceData = s_image + 2048;
    s_app.m_idx = 2;
    s_app.standInResourceData = s_image;
    g_CLR_RT_TypeSystem.m_assemblies[0] = &s_other;
    g_CLR_RT_TypeSystem.m_assemblies[1] = NULL;
    g_CLR_RT_TypeSystem.m_assemblies[2] = &s_app;
    g_CLR_RT_TypeSystem.m_assembliesMax = 3;
    s_CLR_RT_Heap.m_location = s_image + 3072;
    s_CLR_RT_Heap.m_size = 1024;

    HRESULT hr = S_OK;
    Check(NativeKernels::AbiVersion(hr) == 3, "AbiVersion answers the interop version 3");

    short in[3] = {1000, -2000, 3000};
    short outFlash[2] = {0, 0}, outArray[2] = {0, 0}, outC[2] = {0, 0};
    unsigned char none[1];
    CLR_RT_TypedArray_UINT8 empty(none, 0);

    // Before anything is mapped an empty blob array is refused.
    hr = S_OK;
    NativeKernels::LinearS8S16InBlob(empty, CLR_RT_TypedArray_INT16(in, 3), 0, 3, 0, 8, 16, 24, CLR_RT_TypedArray_INT16(outFlash, 2), 0, 2,
        false, hr);
    Check(hr == CLR_E_INVALID_OPERATION, "an empty blob array before MapResource is an invalid operation");

    hr = S_OK;
    Check(NativeKernels::MapResource(c_file, 1, hr) == -1 && hr == S_OK, "an unknown id is not found (-1)");
    Check(NativeKernels::MapResource("Other.nanoresources", 30387, hr) == -1, "an unknown resource file is not found (-1)");
    Check(NativeKernels::MapResource(c_file, 7, hr) == -2, "a string resource is refused (-2)");
    Check(NativeKernels::MapResource(c_file, 8, hr) == -3, "a misaligned resource is refused (-3)");
    Check(NativeKernels::MapResource(c_file, 9, hr) == -4, "a resource in the managed heap is refused (-4)");
    Check(NativeKernels::MapResource("", 30387, hr) == -5 && NativeKernels::MapResource(NULL, 30387, hr) == -5, "no name is refused (-5)");
    Check(NativeKernels::MapResource(c_file, 30387, hr) == (signed int)blobBytes, "the model resource is mapped at its length");

    // The registered resource read in place equals the same bytes passed as an array, and the C kernel called directly.
    hr = S_OK;
    NativeKernels::LinearS8S16InBlob(empty, CLR_RT_TypedArray_INT16(in, 3), 0, 3, 0, 8, 16, 24, CLR_RT_TypedArray_INT16(outFlash, 2), 0, 2,
        false, hr);
    Check(hr == S_OK, "Linear on the mapped resource runs");
    unsigned char copy[64] __attribute__((aligned(4)));
    memcpy(copy, s_image, sizeof(copy));
    NativeKernels::LinearS8S16InBlob(CLR_RT_TypedArray_UINT8(copy, 64), CLR_RT_TypedArray_INT16(in, 3), 0, 3, 0, 8, 16, 24,
        CLR_RT_TypedArray_INT16(outArray, 2), 0, 2, false, hr);
    easr_linear_s8s16(in, 3, (const int8_t *)s_image, (const int32_t *)(s_image + 8), (const int32_t *)(s_image + 16),
        (const int32_t *)(s_image + 24), outC, 2, 0);
    Check(outFlash[0] == outC[0] && outFlash[1] == outC[1] && outArray[0] == outC[0] && outArray[1] == outC[1],
        "the mapped resource, the array and the C kernel give the same outputs");
    Check(outC[0] != 0 || outC[1] != 0, "the test Linear's outputs are not all zero");

    // Range and alignment are checked against the registered resource.
    hr = S_OK;
    NativeKernels::LinearS8S16InBlob(empty, CLR_RT_TypedArray_INT16(in, 3), 0, 3, 0, 8, 16, 60, CLR_RT_TypedArray_INT16(outFlash, 2), 0, 2,
        false, hr);
    Check(hr == CLR_E_INDEX_OUT_OF_RANGE, "a tensor past the mapped resource's end is refused");
    hr = S_OK;
    NativeKernels::LinearS8S16InBlob(empty, CLR_RT_TypedArray_INT16(in, 3), 0, 3, 0, 10, 16, 24, CLR_RT_TypedArray_INT16(outFlash, 2), 0, 2,
        false, hr);
    Check(hr == CLR_E_INDEX_OUT_OF_RANGE, "a misaligned int32 tensor in the mapped resource is refused");

    // The input norm: the glue passes the caller's means and the frame to the C kernel (same outputs and means as a
    // direct call), and refuses a range past the means array or a shift the C kernel refuses, before anything is written.
    {
        short x[4] = {100, -32768, 32767, 5};
        signed int meansGlue[3] = {0, 0, 0}, meansC[3] = {0, 0, 0};
        short yGlue[4] = {0, 0, 0, 0}, yC[3] = {0, 0, 0};
        for (int frame = 0; frame < 2; frame++)
        {
            hr = S_OK;
            NativeKernels::RunningMeanSubtractS16(CLR_RT_TypedArray_INT16(x, 4), 1, CLR_RT_TypedArray_INT32(meansGlue, 3), 3, 6, frame == 0,
                CLR_RT_TypedArray_INT16(yGlue, 4), 1, hr);
            Check(hr == S_OK, "the input norm runs");
            Check(easr_running_mean_subtract_s16(x + 1, meansC, 3, 6, frame == 0, yC) == 0, "the C kernel takes shift 6");
            x[1] = 32767;    // both extremes swap: the next outputs saturate
            x[2] = -32768;
        }
        Check(memcmp(meansGlue, meansC, sizeof(meansC)) == 0 && memcmp(yGlue + 1, yC, sizeof(yC)) == 0 && yGlue[0] == 0,
            "the glue's input norm gives the C kernel's means and outputs, nothing outside its range");
        Check(yC[0] == 32767 && yC[1] == -32768, "the input norm's test frames saturate");
        hr = S_OK;
        NativeKernels::RunningMeanSubtractS16(CLR_RT_TypedArray_INT16(x, 4), 0, CLR_RT_TypedArray_INT32(meansGlue, 3), 4, 6, false,
            CLR_RT_TypedArray_INT16(yGlue, 4), 0, hr);
        Check(hr == CLR_E_INDEX_OUT_OF_RANGE, "channels past the means array are refused");
        signed int before = meansGlue[0];
        const signed int badShifts[2] = {0, 9};
        for (int i = 0; i < 2; i++)
        {
            hr = S_OK;
            NativeKernels::RunningMeanSubtractS16(CLR_RT_TypedArray_INT16(x, 4), 0, CLR_RT_TypedArray_INT32(meansGlue, 3), 3, badShifts[i],
                false, CLR_RT_TypedArray_INT16(yGlue, 4), 0, hr);
            Check(hr == CLR_E_OUT_OF_RANGE && meansGlue[0] == before, "a shift outside [1, 8] is refused, the means untouched");
        }
    }

    printf("glue stand-in: %d checks, %d failed\n", s_checks, s_failures);
    return s_failures == 0 ? 0 : 1;
}
