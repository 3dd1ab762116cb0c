//! Daily (日報) and monthly (月報) reports for madoguchi supervisors and the city.
