-- Two or more servers on one database hand out ticket and alert ids from blocks reserved here
-- (server/src/store/postgres/shared.rs): each sequence holds the highest id reserved so far.
CREATE SEQUENCE ticket_id_blocks;
CREATE SEQUENCE alert_id_blocks;
