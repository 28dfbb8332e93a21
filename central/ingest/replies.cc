// Ack and Reject planning after a commit; see replies.h.
#include "central/ingest/replies.h"

#include <unordered_map>
#include <unordered_set>

namespace anpr::ingest {

std::vector<Reply> replies_for(const std::vector<PendingSighting>& batch, const store::BatchResult& result) {
  std::unordered_set<std::string> storable(result.stored.begin(), result.stored.end());
  storable.insert(result.duplicates.begin(), result.duplicates.end());
  std::unordered_map<std::string, const std::string*> refused;
  for (const store::RejectedSighting& r : result.rejected) refused.emplace(r.event_id, &r.reason);

  std::vector<Reply> acks;
  std::unordered_map<std::string, std::size_t> ack_of_connection;
  std::unordered_set<std::string> acked;  // routing id + event id
  std::vector<Reply> rejects;
  for (const PendingSighting& p : batch) {
    const std::string& id = p.sighting.event_id();
    if (storable.contains(id)) {
      auto [slot, fresh] = ack_of_connection.try_emplace(p.routing_id, acks.size());
      if (fresh) acks.push_back(Reply{p.routing_id, p.peer, {}});
      if (acked.insert(p.routing_id + '\0' + id).second) {
        acks[slot->second].envelope.mutable_ack()->add_event_ids(id);
      }
    } else if (auto it = refused.find(id); it != refused.end()) {
      Reply reply{p.routing_id, p.peer, {}};
      v1::Reject* reject = reply.envelope.mutable_reject();
      reject->set_message_id(p.message_id);
      reject->add_event_ids(id);
      reject->set_reason(v1::REJECT_REASON_INVALID_FIELD);
      reject->set_detail(*it->second);
      rejects.push_back(std::move(reply));
    }
  }
  for (Reply& r : rejects) acks.push_back(std::move(r));
  return acks;
}

}  // namespace anpr::ingest
