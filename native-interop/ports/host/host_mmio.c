/**
 * @file host_mmio.c
 * @brief The STM32 drivers' register accesses in the host build: every one
 *        goes to the peripheral register models (see stm32_mmio.h).
 */
#include "stm32_mmio.h"
#include "stm32_periph_model.h"

uint32_t stm32_mmio_read32(uint32_t address)
{
    return stm32_periph_model_read(address, 4u);
}

void stm32_mmio_write32(uint32_t address, uint32_t value)
{
    stm32_periph_model_write(address, value, 4u);
}
