// Test fixture: the host port and the register models in a known state, the
// way the emulated board starts (PLL running, so the RNG has its clock), and
// the core's seal forgotten.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>

extern "C" {
#include "host_port.h"
#include "stack_check.h"
#include "stack_check_port.h"
#include "stm32_mmio.h"
#include "stm32_periph_model.h"
#include "stm32_regs.h"
#include "board.h"

/* The core's seal state (stack_check.c), for the fault-injection tests only. */
extern volatile uint32_t stack_check_area_state;
}

class Stm32ModelTest : public ::testing::Test {
protected:
    void SetUp() override;

    // Starts HSE and the PLL through the RCC model, as board_clock_init()
    // does on the board: without PLL48CLK the RNG reports a clock error.
    static void start_pll();

    // Leaves the core with no valid seal, as after a fresh boot: an
    // initialisation over an unusable area fails and clears the seal.
    static void forget_seal();

    static const stm32_model_stats_t &stats() { return *stm32_periph_model_stats(); }
    static uint32_t reg(uint32_t address) { return stm32_mmio_read32(address); }
};
