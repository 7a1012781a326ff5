package tts_test

import (
	"errors"

	"github.com/parleyhq/parley/internal/apperr"
)

func asAppErr(err error, target **apperr.Error) bool { return errors.As(err, target) }
