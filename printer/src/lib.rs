//! Ticket rendering (cosmic-text raster) and ESC/POS printing for madoguchi.
