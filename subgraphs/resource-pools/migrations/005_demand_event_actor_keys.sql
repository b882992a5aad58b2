-- Separation of duties (lib/auth/policy.ts SEPARATION_OF_DUTIES) compares who took each step of an
-- order: the actor's identity (role, subject and scope ids: lib/auth/caller.ts identityKey), not only
-- the subject shown as `actor`. Entries written before this column, and those of jobs, have none:
-- the policy then compares the subject.
ALTER TABLE demand_events ADD COLUMN actor_key text;
