// QEMU_NETDUINOPLUS2: the wire protocol's serial driver. USART2 (PA2 TX,
// PA3 RX) is QEMU's second -serial on netduinoplus2.
#ifndef SERIALCFG_H
#define SERIALCFG_H

#define SERIAL_DRIVER SD2

#endif // SERIALCFG_H
