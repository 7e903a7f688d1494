#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Which file a path named when it was read, and whether it has been written since: device,
/// inode, size, and the times of the last change to its content and to its inode. `--in-place`
/// replaces a file only while all of these are still the same.
struct FileIdentity: Equatable, Sendable {
    /// The device the file is on.
    let device: UInt64
    /// The file's inode number on that device.
    let inode: UInt64
    /// Its size in bytes.
    let size: Int64
    /// When its content last changed: seconds and nanoseconds.
    let modified: [Int]
    /// When its inode last changed (content, mode, owner or links): seconds and nanoseconds.
    let statusChanged: [Int]

    /// The identity recorded in `info` (from `stat` or `fstat`).
    init(_ info: stat) {
        device = UInt64(truncatingIfNeeded: info.st_dev)
        inode = UInt64(truncatingIfNeeded: info.st_ino)
        size = Int64(info.st_size)
        #if canImport(Darwin)
        modified = [Int(info.st_mtimespec.tv_sec), Int(info.st_mtimespec.tv_nsec)]
        statusChanged = [Int(info.st_ctimespec.tv_sec), Int(info.st_ctimespec.tv_nsec)]
        #else
        modified = [Int(info.st_mtim.tv_sec), Int(info.st_mtim.tv_nsec)]
        statusChanged = [Int(info.st_ctim.tv_sec), Int(info.st_ctim.tv_nsec)]
        #endif
    }
}

/// The kinds of file that are not regular files, in words for messages.
enum FileKind {
    /// `a FIFO (named pipe)`, `a socket`, … for the type bits of `mode`; nil for a regular file.
    static func irregular(_ mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFDIR: return "a directory"
        case S_IFIFO: return "a FIFO (named pipe)"
        case S_IFSOCK: return "a socket"
        case S_IFCHR: return "a character device"
        case S_IFBLK: return "a block device"
        case S_IFLNK: return "a symbolic link"
        default: return "not a regular file"
        }
    }
}
