package data

import (
	"time"

	"github.com/google/uuid"
)

// newID returns a UUID v7: unique across laptops (records merge without
// collisions) and time-ordered (new rows land at the end of the index).
func newID() string { return uuid.Must(uuid.NewV7()).String() }

// now is the timestamp stored in created_at/updated_at.
func now() string { return time.Now().UTC().Format(time.RFC3339Nano) }
