/* The recorded trace, embedded read-only (as weights are in the device's flash). TRACE_FILE is
 * passed by the build. */
    .section .rodata
    .balign 4
    .global trace_data
trace_data:
    .incbin TRACE_FILE
