/**
 * @file fault_print.c
 * @brief cm_fault_print(): the captured registers through semihosting, for
 *        the test and demo firmware (kept apart from fault.c, which firmware
 *        without semihosting uses).
 */
#include "fault.h"

#include "semihosting.h"

void cm_fault_print(const cm_fault_t *fault)
{
    sh_printf("HardFault: CFSR 0x%08x HFSR 0x%08x BFAR 0x%08x MMFAR 0x%08x MSP 0x%08x PSP 0x%08x "
              "EXC_RETURN 0x%08x\n",
              (unsigned)fault->cfsr, (unsigned)fault->hfsr, (unsigned)fault->bfar,
              (unsigned)fault->mmfar, (unsigned)fault->msp, (unsigned)fault->psp,
              (unsigned)fault->exc_return);
    if (fault->frame_valid) {
        sh_printf("HardFault: stacked PC 0x%08x LR 0x%08x xPSR 0x%08x\n", (unsigned)fault->stacked_pc,
                  (unsigned)fault->stacked_lr, (unsigned)fault->stacked_xpsr);
    } else {
        sh_printf("HardFault: no exception frame (stacking failed or outside the known stacks)\n");
    }
}
