// QEMU_NETDUINOPLUS2: nanoFramework's overlay drivers need no settings here.
#ifndef MCUCONF_NF_H
#define MCUCONF_NF_H

#endif // MCUCONF_NF_H
