-- Exchange rates into the reporting currency, set by the program admin, used by every KPI that
-- adds up amounts in different currencies.
CREATE TABLE exchange_rate (
    currency   CHAR(3) PRIMARY KEY,
    to_reporting NUMERIC(18, 8) NOT NULL CHECK (to_reporting > 0),
    updated_at TIMESTAMPTZ NOT NULL
);
INSERT INTO exchange_rate (currency, to_reporting, updated_at) VALUES
('USD', 1, now()), ('EUR', 1.08, now()), ('GBP', 1.27, now()), ('CAD', 0.73, now()), ('AUD', 0.66, now()),
('JPY', 0.0067, now()), ('CHF', 1.13, now());
