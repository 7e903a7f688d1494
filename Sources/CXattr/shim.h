// Extended attributes (listxattr, getxattr, fsetxattr), which Swift's Glibc module does not
// export. On Darwin they come with the Darwin module; this header adds nothing there.
#if defined(__linux__)
#include <sys/xattr.h>
#endif
