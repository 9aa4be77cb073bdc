// Linux calls Swift cannot make itself: renameat2 is reached through syscall(), which is variadic.
#ifndef ORGLENS_CLINUX_SHIM_H
#define ORGLENS_CLINUX_SHIM_H
#include <fcntl.h>
#include <sys/syscall.h>
#include <unistd.h>

/// Swaps two paths in one step (RENAME_EXCHANGE); both must exist. Returns 0, or -1 with errno set.
static inline int orglens_rename_exchange(const char *first, const char *second) {
    return (int)syscall(SYS_renameat2, AT_FDCWD, first, AT_FDCWD, second, 2 /* RENAME_EXCHANGE */);
}
#endif
