/* The kernel-call trace the desktop records (sim/Native/KernelTrace.cs) and replay.c runs:
 * little-endian 32-bit words. Header: magic, version, pool count, call count. Pool: per entry
 * element bytes (1, 2, 4), element count, data padded to 4 bytes (weights and tables: read in
 * place, as from flash). Calls: opcode, then the op's fields in the order replay.c reads them;
 * an inline array is an element count then its int16 data padded to 4 bytes (an inline int32 array,
 * the input norm's running means before and after the call, an element count then its words); a pool
 * reference is an index; the expected output is an inline array after the inputs. */
#ifndef EASR_TRACE_FORMAT_H
#define EASR_TRACE_FORMAT_H

#define TRACE_MAGIC 0x31544145u  /* "EAT1" */
#define TRACE_VERSION 1u

enum trace_op {
    OP_LINEAR = 1,
    OP_DEPTHWISE = 2,
    OP_LAYERNORM = 3,
    OP_SOFTMAX = 4,
    OP_SWISH = 5,
    OP_SIGMOID = 6,
    OP_GLU = 7,
    OP_RESIDUAL = 8,
    OP_CONV1 = 9,
    OP_SUBSAMPLE_DW = 10,
    OP_SCORES = 11,
    OP_CONTEXT = 12,
    OP_LOGMEL = 13,
    OP_RUNNING_MEAN = 14,
    OP_COUNT = 15
};

/* Pool entries 0..12 are the lookup tables, in this order. */
#define POOL_SIGMOID 0
#define POOL_EXP2 1
#define POOL_RECIPROCAL 2
#define POOL_INV_SQRT 3
#define POOL_HANN 4
#define POOL_COS 5
#define POOL_SIN 6
#define POOL_BIT_REVERSE 7
#define POOL_MEL_START 8
#define POOL_MEL_LENGTH 9
#define POOL_MEL_OFFSET 10
#define POOL_MEL_WEIGHTS 11
#define POOL_LOG2 12
#define MEL_CHANNELS 40

#endif
