// The one exception type of the spool for I/O failures and unusable spool
// directories, so the daemon can tell "the disk is in trouble" apart from
// programming errors (std::invalid_argument, std::out_of_range). Messages name
// the file and the failing operation.
#pragma once

#include "common/posix/posix_file.h"

namespace anpr::spool {

// The spool's files are where its I/O fails, so its error is theirs.
using SpoolError = posix::FileError;

}  // namespace anpr::spool
