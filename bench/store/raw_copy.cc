// Raw COPY baseline; see raw_copy.h.
#include "bench/store/raw_copy.h"

#include <algorithm>
#include <chrono>
#include <string>
#include <tuple>

#include <pqxx/stream_to>
#include <pqxx/transaction>

#include "central/store/pg_text.h"
#include "central/store/sighting_copy.h"

namespace anpr::bench {

double raw_copy_seconds(pqxx::connection& conn, std::span<const anpr::v1::Sighting* const> rows, std::size_t batch) {
  {
    pqxx::work tx(conn);
    tx.exec0("CREATE TABLE bench_raw_copy " + store::staging_columns_sql());
    tx.exec0("CREATE TABLE bench_raw_images (batch_index integer NOT NULL, plate_jpeg bytea, overview_jpeg bytea)");
    tx.commit();
  }
  const auto start = std::chrono::steady_clock::now();
  for (std::size_t done = 0; done < rows.size(); done += batch) {
    const auto part = rows.subspan(done, std::min(batch, rows.size() - done));
    pqxx::work tx(conn);
    store::copy_sightings(tx, "bench_raw_copy", part);
    pqxx::stream_to images(tx, "bench_raw_images", std::vector<std::string>{"batch_index", "plate_jpeg", "overview_jpeg"});
    int batch_index = 0;
    for (const anpr::v1::Sighting* s : part) {
      images << std::make_tuple(++batch_index, store::bytea_text(s->plate_jpeg()), store::bytea_text(s->overview_jpeg()));
    }
    images.complete();
    tx.commit();
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  pqxx::work tx(conn);
  tx.exec0("DROP TABLE bench_raw_copy, bench_raw_images");
  tx.commit();
  return seconds;
}

}  // namespace anpr::bench
