package profile

import (
	"fmt"

	"github.com/parleyhq/parley/internal/apperr"
)

// MaxProblems bounds how many problems one Decode reports: enough to fix a
// document in one pass, not so many that a garbage upload floods the reply.
const MaxProblems = 50

// problems collects field errors in the order they are found.
type problems struct {
	list  []apperr.FieldError
	total int
}

func (p *problems) add(path, format string, args ...any) {
	p.total++
	if len(p.list) < MaxProblems {
		p.list = append(p.list, apperr.FieldError{Path: path, Message: fmt.Sprintf(format, args...)})
	}
}

// err returns nil when nothing was found, else one apperr.Invalid carrying
// every problem, with a summary that names the first.
func (p *problems) err() error {
	if p.total == 0 {
		return nil
	}
	first := p.list[0].String()
	var msg string
	switch {
	case p.total == 1:
		msg = "invalid JSON Resume document: " + first
	case p.total > len(p.list):
		msg = fmt.Sprintf("invalid JSON Resume document: %d problems (first %d listed), first: %s",
			p.total, len(p.list), first)
	default:
		msg = fmt.Sprintf("invalid JSON Resume document: %d problems, first: %s", p.total, first)
	}
	return &apperr.Error{Code: apperr.Invalid, Message: msg, Fields: p.list}
}
