-- Session keys are now stored as their SHA-256 (SessionDao), never as the key itself. Existing
-- rows hold plain keys, which would neither match a hash nor should stay readable in the
-- database: they are dropped, and their users log in again. (Secret keys of users were already
-- encrypted; any plaintext one left by hand is encrypted at start by SecretsAtRest, since SQL
-- has no access to the configured key.)
DELETE FROM user_sessions;
