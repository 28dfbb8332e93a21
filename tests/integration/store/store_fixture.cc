// Test fixtures for the store; see store_fixture.h.
#include "tests/integration/store/store_fixture.h"

#include <chrono>
#include <random>

#include <pqxx/connection>

#include "central/store/migrator.h"
#include "tests/support/temp_postgres.h"
#include "common/uuid/uuid.h"

namespace anpr::store::testing {

std::string migrated_database(const std::string& name) {
  std::string conninfo = anpr::testing::shared_postgres().fresh_database(name);
  pqxx::connection conn(conninfo);
  migrate(conn);
  return conninfo;
}

int64_t now_us() {
  using namespace std::chrono;
  return duration_cast<microseconds>(system_clock::now().time_since_epoch()).count();
}

std::string fake_jpeg(std::size_t size) {
  std::string jpeg(size, '\0');
  for (std::size_t i = 0; i < size; ++i) jpeg[i] = static_cast<char>(i * 7 % 256);
  jpeg[0] = static_cast<char>(0xff);
  jpeg[1] = static_cast<char>(0xd8);
  return jpeg;
}

anpr::v1::Sighting make_sighting(const std::string& plate, int64_t captured_at_us, const std::string& site_id) {
  anpr::v1::Sighting s;
  s.set_event_id(uuid::v7());
  s.set_edge_id("edge-" + site_id);
  s.set_camera_id(site_id + "-cam-1");
  s.set_site_id(site_id);
  s.set_captured_at_us(captured_at_us);
  s.mutable_clock_sync()->set_state(anpr::v1::CLOCK_SYNC_STATE_SYNCED);
  s.mutable_clock_sync()->set_error_bound_us(500);
  s.set_plate_text(plate);
  s.set_plate_display(plate);
  s.set_plate_country("LV");
  s.set_country_confidence(0.75f);
  s.set_read_confidence(0.875f);
  auto* best = s.add_candidates();
  best->set_text(plate);
  best->set_confidence(0.875f);
  auto* other = s.add_candidates();
  other->set_text(plate + "1");
  other->set_confidence(0.0625f);
  s.set_frame_width(1920);
  s.set_frame_height(1080);
  s.mutable_plate_box()->set_x(800);
  s.mutable_plate_box()->set_y(600);
  s.mutable_plate_box()->set_width(220);
  s.mutable_plate_box()->set_height(50);
  for (auto [x, y] : {std::pair{800.5f, 600.25f}, {1020.f, 601.f}, {1019.75f, 650.f}, {801.f, 649.5f}}) {
    auto* p = s.add_plate_corners();
    p->set_x(x);
    p->set_y(y);
  }
  s.set_direction(anpr::v1::DIRECTION_APPROACHING);
  s.set_lane(1);
  s.set_frames_seen(7);
  s.set_plate_jpeg(fake_jpeg(3 * 1024));
  s.set_engine_version("test-1");
  return s;
}

std::vector<std::string> ids_of(const std::vector<anpr::v1::Sighting>& batch) {
  std::vector<std::string> ids;
  for (const auto& s : batch) ids.push_back(s.event_id());
  return ids;
}

}  // namespace anpr::store::testing
