/**
 * @file stm32_mmio.h
 * @brief 32-bit register access for the STM32 drivers.
 *
 * On a microcontroller (the default) these are plain volatile loads and
 * stores. A host build defines `STM32_MMIO_HOOKED` and supplies
 * stm32_mmio_read32()/stm32_mmio_write32() that route every access to register
 * models, so the very same driver source runs in host unit tests. Nothing else
 * in a driver may touch a register.
 */
#ifndef SAFETYMONITOR_STM32_MMIO_H
#define SAFETYMONITOR_STM32_MMIO_H

#include <stdint.h>

#if defined(STM32_MMIO_HOOKED)

/** Reads the 32-bit register at @p address (host build: a register model). */
uint32_t stm32_mmio_read32(uint32_t address);
/** Writes @p value to the 32-bit register at @p address (host build: a register model). */
void stm32_mmio_write32(uint32_t address, uint32_t value);

#else

static inline uint32_t stm32_mmio_read32(uint32_t address)
{
    return *(volatile const uint32_t *)(uintptr_t)address;
}

static inline void stm32_mmio_write32(uint32_t address, uint32_t value)
{
    *(volatile uint32_t *)(uintptr_t)address = value;
}

#endif

#endif /* SAFETYMONITOR_STM32_MMIO_H */
