-- The map's clusters from the hazards themselves (street zoom, or when a filter or data scope keeps
-- the pre-counted cells out) read only the position and the level of every hazard in the view: with
-- the level beside the point in the GiST index, PostgreSQL answers from the index alone (index-only
-- scan) instead of fetching each hazard's row, tens of thousands of random page reads in a dense
-- street at a million hazards (docs/benchmarks.md, "One map: viewport").
CREATE INDEX hazard_hazard_position_level ON hazard_hazard USING gist (position) INCLUDE (level);
