#
# The Edge.Asr native kernels as an nf-interpreter interop assembly (docs/device.md).
# Copy this folder to nf-interpreter/InteropAssemblies/Edge.Asr.Native, put the stubs the
# metadata processor wrote when Edge.Asr.Native.nfproj was built (Stubs/*) beside this file,
# set EDGE_ASR_ROOT to this repository, and configure with
#   -DNF_INTEROP_ASSEMBLIES=["Edge.Asr.Native"]
#

set(BASE_PATH_FOR_THIS_MODULE ${PROJECT_SOURCE_DIR}/InteropAssemblies/Edge.Asr.Native)
if(NOT EDGE_ASR_ROOT)
    message(FATAL_ERROR "Edge.Asr.Native: set EDGE_ASR_ROOT to the Edge.Asr repository (it holds native/src)")
endif()

list(APPEND Edge.Asr.Native_INCLUDE_DIRS ${PROJECT_SOURCE_DIR}/src/CLR/Core)
list(APPEND Edge.Asr.Native_INCLUDE_DIRS ${PROJECT_SOURCE_DIR}/src/CLR/Include)
list(APPEND Edge.Asr.Native_INCLUDE_DIRS ${PROJECT_SOURCE_DIR}/src/HAL/Include)
list(APPEND Edge.Asr.Native_INCLUDE_DIRS ${PROJECT_SOURCE_DIR}/src/PAL/Include)
list(APPEND Edge.Asr.Native_INCLUDE_DIRS ${BASE_PATH_FOR_THIS_MODULE})
list(APPEND Edge.Asr.Native_INCLUDE_DIRS ${EDGE_ASR_ROOT}/native/include)

# The generated stubs (method table with the assembly checksum, marshalling), the glue written
# for this project, and the C kernels themselves (the very files the desktop tests check).
set(Edge.Asr.Native_STUBS
    Edge_Asr_Native.cpp
    Edge_Asr_Native_Edge_Asr_Interop_NativeKernels_mshl.cpp
    Edge_Asr_Native_Edge_Asr_Interop_NativeKernels.cpp
)
foreach(SRC_FILE ${Edge.Asr.Native_STUBS})
    set(Edge.Asr.Native_SRC_FILE SRC_FILE-NOTFOUND)
    find_file(Edge.Asr.Native_SRC_FILE ${SRC_FILE} PATHS ${BASE_PATH_FOR_THIS_MODULE} CMAKE_FIND_ROOT_PATH_BOTH)
    list(APPEND Edge.Asr.Native_SOURCES ${Edge.Asr.Native_SRC_FILE})
endforeach()
file(GLOB EDGE_ASR_KERNEL_SOURCES ${EDGE_ASR_ROOT}/native/src/*.c)
list(APPEND Edge.Asr.Native_SOURCES ${EDGE_ASR_KERNEL_SOURCES})
# The flags `edge-asr bench` measures the kernels with (sim/Native/DeviceCostMeasurement.cs), after the
# firmware's own (-Os there costs about 36% more instructions per audio second; docs/simulator.md).
set_source_files_properties(${EDGE_ASR_KERNEL_SOURCES} PROPERTIES COMPILE_OPTIONS "-O2;-fno-schedule-insns;-funroll-loops")

include(FindPackageHandleStandardArgs)
FIND_PACKAGE_HANDLE_STANDARD_ARGS(Edge.Asr.Native DEFAULT_MSG Edge.Asr.Native_INCLUDE_DIRS Edge.Asr.Native_SOURCES)
