/**
 * @file nf_image_probe.c
 * @brief Cross-build test: a small Cortex-M program shaped like a nanoBooter
 *        or nanoCLR image, linked with a board's flipped nanoFramework scripts
 *        (boards/<BOARD>/nanoframework) and the stand-in rules files
 *        (tests/standin/nf-rules), then checked by `safetymon layout`.
 *        It is linked and inspected, never run.
 *
 * It has what the scripts place: the vector table (.vectors), Reset_Handler
 * (the entry point), initialised and zeroed data, the boot clipboard
 * (.boot_clipboard, 48 bytes as nanoHAL_Boot.h's g_BootClipboard) and, for
 * the nanoCLR (NF_IMAGE_NANOCLR), main() starting the CLR thread with
 * safetymonitor_start_clr_thread(), a CLR thread that runs the monitor, and
 * SafetyMonitor's HardFault handler in the vector table.
 */
#include <stdint.h>

#ifdef NF_IMAGE_NANOCLR
#include "safetymonitor_clr_thread.h"
#include "stack_check.h"
#endif

extern uint32_t __main_stack_end__;

/* The boot clipboard: 48 bytes both images must find at the same address. */
__attribute__((section(".boot_clipboard"), used)) volatile uint8_t g_BootClipboard[48];

#ifdef NF_IMAGE_FILLER_BYTES
/* Flash ballast: a nanoCLR of a given size (tests/cross/nanoframework). */
__attribute__((used)) const uint8_t probe_filler[NF_IMAGE_FILLER_BYTES] = {1u};
#endif

volatile uint32_t probe_counter = 1u; /* .data */
volatile uint32_t probe_flags;        /* .bss */

#ifdef NF_IMAGE_NANOCLR
typedef struct
{
    uint32_t WaitForDebugger;
} CLR_SETTINGS;

static CLR_SETTINGS clrSettings;

static void CLRStartupThread(void const *argument)
{
    const CLR_SETTINGS *settings = argument;
    if (stack_check_init_corruption_detect_area() != STACK_CHECK_OK || settings->WaitForDebugger) {
        probe_flags |= 1u;
    }
    for (;;) {
        if (stack_check_free_below_minimum(stack_check_get_free()) || stack_check_corruption_detect_area() != STACK_CHECK_OK) {
            probe_flags |= 1u;
        }
        probe_counter++;
    }
}
#endif

int main(void)
{
#ifdef NF_IMAGE_FILLER_BYTES
    probe_counter += probe_filler[probe_counter % NF_IMAGE_FILLER_BYTES]; /* kept by --gc-sections */
#endif
#ifdef NF_IMAGE_NANOCLR
    (void)safetymonitor_start_clr_thread(CLRStartupThread, &clrSettings);
#endif
    for (;;) {
        probe_counter++;
    }
}

void Reset_Handler(void)
{
    (void)main();
}

#ifdef NF_IMAGE_NANOCLR
/* SafetyMonitor's HardFault handler (boards/common/cortex-m/fault.c), which
 * writes the fault record, in its vector (ARMv7-M B1.5.3: entry 3). */
void HardFault_Handler(void);
__attribute__((section(".vectors"), used)) void *const probe_vectors[4] = {
    &__main_stack_end__, (void *)Reset_Handler, (void *)Reset_Handler, (void *)HardFault_Handler};
#else
__attribute__((section(".vectors"), used)) void *const probe_vectors[2] = {&__main_stack_end__, (void *)Reset_Handler};
#endif
