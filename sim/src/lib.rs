//! Discrete-event simulator and staffing advice on the madoguchi engine.
