/* TEST STAND-IN (see tests/standin/README.md): the ChibiOS/RT 7.0 (21.11)
 * names the SafetyMonitor ChibiOS port uses (os/rt/include/chobjects.h and
 * chthreads.h): thread_t with wabase (present when CH_CFG_USE_DYNAMIC is
 * TRUE, as in nanoFramework's reference targets), chThdGetSelfX(), and
 * CMSIS's __get_PSP(). Not ChibiOS's code. */
#ifndef SAFETYMONITOR_STANDIN_CH_H
#define SAFETYMONITOR_STANDIN_CH_H

#include <stddef.h>
#include <stdint.h>

typedef uint64_t stkalign_t;

/* In ChibiOS the thread_t sits at the top of its working area; the stack
 * runs from wabase up to the thread_t. */
typedef struct ch_thread
{
    stkalign_t *wabase;
} thread_t;

thread_t *chThdGetSelfX(void);

/* Thread creation (chthreads.h, chschd.h). The working-area size here stands
 * for sizeof(thread_t) plus the port's overhead. */
typedef uint32_t tprio_t;
typedef void (*tfunc_t)(void *p);
#define NORMALPRIO ((tprio_t)128)
#define THD_WORKING_AREA_SIZE(n) ((sizeof(thread_t) + 256u + (n) + 7u) & ~7u)
#define THD_WORKING_AREA(s, n) stkalign_t s[THD_WORKING_AREA_SIZE(n) / sizeof(stkalign_t)]
thread_t *chThdCreateStatic(void *wsp, size_t size, tprio_t prio, tfunc_t pf, void *arg);
/* CMSIS declares uint32_t; uintptr_t here lets the 64-bit host tests point it
 * at real memory (the same width on Cortex-M). */
uintptr_t __get_PSP(void);

#endif
