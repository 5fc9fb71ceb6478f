-- The calendar and the .ics file read every performer's route places of a range by day.
CREATE INDEX route_stop_route_day_ix ON route_stop (route_day);
