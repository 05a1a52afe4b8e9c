internal import CImageCodecs

/// Process-wide settings for executables that decode many images (the CLI, the benchmark).
package enum ProcessTuning {
    /// Keeps freed memory in the heap for the next image instead of giving it back to the kernel.
    ///
    /// A 12-megapixel RGB buffer is 36 MB, above glibc's largest mmap threshold (32 MB), so by
    /// default every decode maps fresh pages and takes a page fault per 4 KiB (about 9 500 per
    /// buffer, a third of the decode time). With mmap off and trimming off, a batch reuses the
    /// pages of earlier images: peak memory stays the high-water mark of the files in flight,
    /// which does not grow with the batch. Calls `mallopt`.
    package static func reuseFreedMemory() {
        _ = mallopt(M_MMAP_MAX, 0)
        _ = mallopt(M_TRIM_THRESHOLD, Int32.max)
    }
}
