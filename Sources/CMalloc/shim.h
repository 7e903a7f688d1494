// glibc's malloc tuning (mallopt, M_MMAP_THRESHOLD), which Swift's Glibc module does not
// export. Elsewhere this header adds nothing.
#if defined(__GLIBC__) || (defined(__linux__) && !defined(__ANDROID__))
#include <malloc.h>
#endif
