// A cache hint Swift has no spelling for. Interning a million ids misses the cache on almost every
// probe; asking for the slot a few rows ahead overlaps those misses instead of paying them in turn.
#pragma once

static inline void orglens_prefetch_for_write(const void *address) {
    __builtin_prefetch(address, 1, 3);
}

static inline void orglens_prefetch_for_read(const void *address) {
    __builtin_prefetch(address, 0, 3);
}
