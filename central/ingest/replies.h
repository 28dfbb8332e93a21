// What central answers once a batch is committed: one Ack per connection
// listing that edge's sightings that are now stored (new ones and
// duplicates alike, since the edge may have missed the first ack), and one
// Reject per sighting the store refused for good. Pure: the commit's result
// in, the messages out, so "acked only after commit, duplicates acked
// again" is checked without a database.
#pragma once

#include <string>
#include <vector>

#include "anpr/v1/envelope.pb.h"
#include "central/ingest/batch.h"
#include "central/store/sighting_writer.h"

namespace anpr::ingest {

// One message for one connection; the envelope carries only its body, the
// sender adds version, message id and time when it sends.
struct Reply {
  std::string routing_id;
  std::string peer;
  v1::Envelope envelope;
};

// Acks first, one per connection in order of first appearance in `batch`,
// each listing an event id once; then the Rejects.
std::vector<Reply> replies_for(const std::vector<PendingSighting>& batch, const store::BatchResult& result);

}  // namespace anpr::ingest
