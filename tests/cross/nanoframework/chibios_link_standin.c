/**
 * @file chibios_link_standin.c
 * @brief LINK-TIME STAND-INS for tests only: definitions of the ChibiOS and
 *        nanoFramework-overlay functions that the CLR-thread start-up and the
 *        chibios port call (declared in tests/standin/chibios), so that
 *        nf_image_probe.c links into a nanoCLR-shaped image whose layout is
 *        inspected. The image never runs; these do the least that keeps
 *        their contracts' types. A real nanoCLR links ChibiOS itself.
 */
#include "ch.h"
#include "hal.h"
#include "hal_nf_community.h"

static thread_t probe_thread;

RCC_TypeDef *safetymonitor_standin_rcc(void)
{
    static RCC_TypeDef rcc;
    return &rcc;
}

thread_t *chThdCreateStatic(void *wsp, size_t size, tprio_t prio, tfunc_t pf, void *arg)
{
    (void)prio;
    (void)pf;
    (void)arg;
    /* ChibiOS puts thread_t at the top of the working area. */
    probe_thread.wabase = (stkalign_t *)wsp;
    return (thread_t *)((uint8_t *)wsp + size - sizeof(thread_t));
}

thread_t *chThdGetSelfX(void)
{
    return &probe_thread;
}

uintptr_t __get_PSP(void)
{
    uintptr_t sp;
    __asm__ volatile("mrs %0, psp" : "=r"(sp));
    return sp;
}

void crcAquireModule(void) {}
void crcReleaseModule(void) {}
void crcStart(const crcConfig *config) { (void)config; }
void crcReset(void) {}

uint32_t crcCompute(const void *buffer, const uint32_t size, const uint32_t initialCrc)
{
    (void)buffer;
    (void)size;
    return initialCrc;
}

void rngStart(void) {}

bool rngGenerate(size_t size, uint8_t *out)
{
    (void)size;
    (void)out;
    return false;
}
