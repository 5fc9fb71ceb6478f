-- The map (issue 8): radius clauses on bookings, performers' day routes, the Google Maps key and a geocoding cache.

-- "No other show within radius_km km within radius_days days" of this booking, for its performers. Both or neither.
ALTER TABLE booking ADD radius_km INT;
ALTER TABLE booking ADD radius_days INT;
ALTER TABLE booking ADD CONSTRAINT booking_radius_ck CHECK ((radius_km IS NULL AND radius_days IS NULL)
    OR (radius_km BETWEEN 1 AND 5000 AND radius_days BETWEEN 0 AND 365));
-- the conflict check asks for the longest clause (MAX off the index) and the clauses near a date
CREATE INDEX booking_radius_days_ix ON booking (radius_days);

-- A performer's day as ordered stops: their gigs (booking_id set; times are the booking's) and places of their
-- own (street performances: a window in which to start, and how long they stay). A saved route keeps the order
-- and the planned start of every stop.
CREATE TABLE route_stop (
    id             UUID PRIMARY KEY,
    performer_id   UUID         NOT NULL REFERENCES performer (id),
    route_day      DATE         NOT NULL,
    position       INT          NOT NULL,
    booking_id     UUID REFERENCES booking (id),
    label          VARCHAR(200) NOT NULL,
    latitude       DOUBLE PRECISION,
    longitude      DOUBLE PRECISION,
    window_start   TIMESTAMP WITH TIME ZONE NOT NULL,
    window_end     TIMESTAMP WITH TIME ZONE NOT NULL,
    stay_minutes   INT          NOT NULL,
    planned_start  TIMESTAMP WITH TIME ZONE,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    version        INT NOT NULL DEFAULT 0,
    deleted_at     TIMESTAMP WITH TIME ZONE,
    CONSTRAINT route_stop_window_ck CHECK (window_end >= window_start),
    CONSTRAINT route_stop_stay_ck CHECK (stay_minutes BETWEEN 0 AND 1440),
    CONSTRAINT route_stop_lat_ck CHECK (latitude IS NULL OR (latitude BETWEEN -90 AND 90)),
    CONSTRAINT route_stop_lon_ck CHECK (longitude IS NULL OR (longitude BETWEEN -180 AND 180)),
    CONSTRAINT route_stop_place_ck CHECK (booking_id IS NOT NULL OR (latitude IS NOT NULL AND longitude IS NOT NULL))
);
CREATE INDEX route_stop_day_ix ON route_stop (performer_id, route_day, position);

-- Google Maps (online map and geocoder) is used only with a key; without one the offline map is used.
ALTER TABLE agency ADD google_maps_key VARCHAR(200);

-- Addresses already looked up, so a venue typed twice costs one request (and works offline the second time).
CREATE TABLE geocode_cache (
    query_key   VARCHAR(500) PRIMARY KEY,
    query       VARCHAR(500) NOT NULL,
    latitude    DOUBLE PRECISION NOT NULL,
    longitude   DOUBLE PRECISION NOT NULL,
    formatted   VARCHAR(500),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
