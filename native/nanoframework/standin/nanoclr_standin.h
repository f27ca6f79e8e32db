//
// STAND-IN, NOT nanoCLR. The few nanoCLR declarations the interop glue uses, mirrored from their signatures in
// nf-interpreter so the glue can be compiled and exercised on the desktop (tests/Edge.Asr.Tests/Native/GlueStandInTests.cs).
// Only names, member names and parameter types are mirrored; layouts, values and behaviour are the harness's own.
// Passing this build says the glue is consistent with these signatures, nothing about the real firmware build.
//
// Read from (github.com/nanoframework/nf-interpreter):
//   src/CLR/Include/nanoCLR_Runtime.h: CLR_RT_TypeSystem (m_assemblies, m_assembliesMax, LocateResourceFile,
//     LocateResource), g_CLR_RT_TypeSystem, CLR_RT_Assembly (m_idx, GetResourceData), CLR_RT_Assembly_Instance
//     (InitializeFromIndex), NANOCLR_FOREACH_ASSEMBLY / _END, CLR_RT_MemoryRange and s_CLR_RT_Heap
//   src/CLR/CorLib/corlib_native_System_Reflection_Assembly.cpp: CLR_RT_Assembly_Index::Set(assembly->m_idx)
//   src/nanoFramework.ResourceManager/nf_system_resourcemanager_System_Resources_ResourceManager.cpp:
//     CLR_RECORD_RESOURCE kind / offset and RESOURCE_Binary, RESOURCE_String
//   src/CLR/Include/nanoCLR_Interop.h: CLR_RT_TypedArray<T> (GetBuffer, GetSize) and its typedefs
//
#ifndef EDGE_ASR_NANOCLR_STANDIN_H
#define EDGE_ASR_NANOCLR_STANDIN_H

#include <stddef.h>
#include <stdint.h>

typedef uint8_t CLR_UINT8;
typedef int16_t CLR_INT16;
typedef uint32_t CLR_UINT32;
typedef int32_t CLR_INT32;
typedef int32_t HRESULT;

#define S_OK ((HRESULT)0)
#define FAILED(hr) (((HRESULT)(hr)) < 0)
// Stand-in values: only "negative = failure" matters here.
#define CLR_E_FAIL ((HRESULT)0x80004005)
#define CLR_E_INDEX_OUT_OF_RANGE ((HRESULT)0xA8000000)
#define CLR_E_INVALID_OPERATION ((HRESULT)0xD3000000)
#define CLR_E_OUT_OF_RANGE ((HRESULT)0xA6000000) // the name nf-interpreter's native libraries set for an argument out of range

template <typename T> class CLR_RT_TypedArray
{
    T *m_pData;
    CLR_UINT32 m_ElemCount;

  public:
    CLR_RT_TypedArray() : m_pData(NULL), m_ElemCount(0) {}
    CLR_RT_TypedArray(T *data, CLR_UINT32 count) : m_pData(data), m_ElemCount(count) {} // stand-in: the marshaller's job
    CLR_UINT32 GetSize() { return m_ElemCount; }
    T *GetBuffer() { return m_pData; }
};

typedef CLR_RT_TypedArray<unsigned char> CLR_RT_TypedArray_UINT8;
typedef CLR_RT_TypedArray<signed char> CLR_RT_TypedArray_INT8;
typedef CLR_RT_TypedArray<signed short int> CLR_RT_TypedArray_INT16;
typedef CLR_RT_TypedArray<signed int> CLR_RT_TypedArray_INT32;
typedef CLR_RT_TypedArray<int64_t> CLR_RT_TypedArray_INT64;

struct CLR_RECORD_RESOURCE
{
    static const CLR_UINT8 RESOURCE_Invalid = 0x00; // stand-in values
    static const CLR_UINT8 RESOURCE_Bitmap = 0x01;
    static const CLR_UINT8 RESOURCE_Font = 0x02;
    static const CLR_UINT8 RESOURCE_String = 0x03;
    static const CLR_UINT8 RESOURCE_Binary = 0x04;

    CLR_INT16 id;
    CLR_UINT8 kind;
    CLR_UINT8 flags;
    CLR_UINT32 offset;
};

struct CLR_RT_Assembly_Index
{
    CLR_UINT32 m_data;
    void Set(CLR_UINT32 idxAssm) { m_data = idxAssm << 16; }
};

struct CLR_RT_Assembly
{
    CLR_UINT32 m_idx;
    const CLR_UINT8 *standInResourceData; // stand-in: the real one resolves TBL_ResourcesData of the assembly's image
    const CLR_UINT8 *GetResourceData(CLR_UINT32 i) { return standInResourceData + i; }
};

struct CLR_RT_Assembly_Instance : public CLR_RT_Assembly_Index
{
    CLR_RT_Assembly *m_assm;
    bool InitializeFromIndex(const CLR_RT_Assembly_Index &idx);
};

struct CLR_RT_TypeSystem
{
    static const int c_MaxAssemblies = 64;
    CLR_RT_Assembly *m_assemblies[c_MaxAssemblies];
    size_t m_assembliesMax;

    HRESULT LocateResourceFile(CLR_RT_Assembly_Instance assm, const char *name, CLR_INT32 &idxResourceFile);
    HRESULT LocateResource(
        CLR_RT_Assembly_Instance assm,
        CLR_INT32 idxResourceFile,
        CLR_INT16 id,
        const CLR_RECORD_RESOURCE *&res,
        CLR_UINT32 &size);
};

extern CLR_RT_TypeSystem g_CLR_RT_TypeSystem;

struct CLR_RT_MemoryRange
{
    unsigned char *m_location;
    unsigned int m_size;
};

extern CLR_RT_MemoryRange s_CLR_RT_Heap;

#define NANOCLR_FOREACH_ASSEMBLY(ts)                                                                                   \
    {                                                                                                                  \
        CLR_RT_Assembly **ppASSM = (ts).m_assemblies;                                                                  \
        size_t iASSM = (ts).m_assembliesMax;                                                                           \
        for (; iASSM--; ppASSM++)                                                                                      \
        {                                                                                                              \
            CLR_RT_Assembly *pASSM = *ppASSM;                                                                          \
            if (pASSM)

#define NANOCLR_FOREACH_ASSEMBLY_END()                                                                                 \
    }                                                                                                                  \
    }

#endif // EDGE_ASR_NANOCLR_STANDIN_H
