/*
 * alloc_state.h — whether the allocation hook was set (ac_set_allocator), for
 * a program that would set one only when nobody did before it (the batch
 * command, in a tool whose main may have installed a test allocator).  Apart
 * from alloc.h, so that it can be included without alloc.h's renames.
 */
#ifndef AICERT_ALLOC_STATE_H
#define AICERT_ALLOC_STATE_H

/* 1 once an allocator was installed, 0 while the C library's is used. */
int ac_mem_hooked(void);

#endif
