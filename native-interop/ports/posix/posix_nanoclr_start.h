/**
 * @file posix_nanoclr_start.h
 * @brief The start-up hook of nanoFramework's POSIX nanoCLR (nf-interpreter
 *        `targets/posix`): what safetymonitor_start_clr_thread() does on a
 *        ChibiOS board, for the virtual device.
 *
 * nf-interpreter's POSIX target (main of 2026-07, a3e8139a) runs the CLR on
 * the thread that calls nanoCLR_Run() (targets/posix/nanoCLR/
 * nanoCLR_native_posix.cpp): the test harness's main thread
 * (targets/posix/nanoCLR/main.cpp), or the .NET `nanoclr` tool's thread
 * through P/Invoke. Every interop call runs on that same thread (the CLR
 * schedules managed threads on it). native-interop/stubs/
 * install-into-nf-interpreter.sh, with `posix`, puts a call of
 * safetymonitor_posix_clr_start() into nanoCLR_Run() right before its
 * ClrStartup(): a hook, not a lazy start on the first interop call, because
 * (1) the fault record is then validated before any managed code runs, so
 * the first GetFaultStatus() already has its answer, as on a board; (2) the
 * paint lies above every frame of the CLR, so the high-water mark covers
 * the CLR's whole run (assembly loading, start-up and the interpreter), not
 * only what follows the first call; (3) no interop call pays a "started
 * yet?" test.
 */
#ifndef SAFETYMONITOR_POSIX_NANOCLR_START_H
#define SAFETYMONITOR_POSIX_NANOCLR_START_H

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Validates the fault record (stack_check_fault_boot(true): a process starts
 * on fresh memory, a power-on; nothing on POSIX writes a record, so it reads
 * "none", STACK_CHECK_OK) and paints the calling thread's stack for the
 * high-water mark (stack_check_paint(): an 8 MiB main thread in a window of
 * 65,535 words below the stack pointer). Call it on the thread that then
 * runs the CLR, before ClrStartup(). Calling it again (a second
 * nanoCLR_Run()) validates nothing new and paints again.
 *
 * Cost: the record's software CRC (18 words) and at most 65,535 stores,
 * once per nanoCLR_Run().
 *
 * @return what stack_check_paint() returned: STACK_CHECK_OK, or
 *         STACK_CHECK_ERR_LAYOUT when pthread cannot tell the thread's stack
 *         (then GetMinFree() answers STACK_CHECK_ERR_NOT_INITIALISED)
 */
int safetymonitor_posix_clr_start(void);

#ifdef __cplusplus
}
#endif

#endif /* SAFETYMONITOR_POSIX_NANOCLR_START_H */
