// Telling a database failure worth waiting out (the server is down,
// restarting, out of connections, a lost connection, a serialisation
// conflict) from one that will fail the same way however often it is
// retried. The ingest path answers the first kind with silence and retries
// (edges keep their sightings spooled); retrying the second kind would
// stall every edge behind one bad batch.
#pragma once

#include <exception>
#include <string>

namespace anpr::central {

bool is_transient(const std::exception& error);

// The error's message on one line with quotes made harmless, for a
// `error="..."` log field (PostgreSQL messages span several lines).
std::string error_text(const std::exception& error);

}  // namespace anpr::central
