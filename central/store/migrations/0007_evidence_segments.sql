-- Evidence images leave PostgreSQL for append-only segment files beside it
-- (central/evidence/evidence_writer.h says why, docs/evidence-format.md how
-- they are laid out). A sighting_evidence row now says where its sighting's
-- images are: the segment and the offset of its record; the day folder
-- follows from captured_at. Rows written before this migration keep their
-- bytes in plate_jpeg and overview_jpeg, which readers still take.
ALTER TABLE sighting_evidence
  ADD COLUMN segment_id bigint,
  ADD COLUMN segment_offset bigint,
  ADD CONSTRAINT sighting_evidence_location CHECK ((segment_id IS NULL) = (segment_offset IS NULL));
