package llm

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"strings"
	"sync"
	"text/template"

	"gopkg.in/yaml.v3"

	"github.com/parleyhq/parley/internal/apperr"
)

//go:embed prompts/*.yaml
var embeddedPrompts embed.FS

// Prompt is a versioned pair of chat templates (text/template syntax) over
// PromptData.
type Prompt struct {
	// ID names the prompt, e.g. "answer".
	ID string
	// Version is "ID@vN", stored with message rows and part of cache keys.
	Version string
	// Digest is a short hash of the template text: it keys the cache too, so
	// an edit without a version bump still cannot serve stale answers.
	Digest      string
	Description string
	system      *template.Template
	user        *template.Template
}

// PromptData is what a prompt template sees.
type PromptData struct {
	// Subject is the person the profile describes (name or "the candidate").
	Subject string
	// Question is the visitor's question.
	Question string
	// Context is optional resolved conversation context ("the visitor asked
	// about Acme Corp").
	Context string
	// Facts are the retrieved facts, numbered from 1 in order.
	Facts []NumberedFact
}

// NumberedFact is a fact with the number the model cites it by.
type NumberedFact struct {
	N    int
	Text string
}

type promptFile struct {
	ID          string `yaml:"id"`
	Version     int    `yaml:"version"`
	Description string `yaml:"description"`
	System      string `yaml:"system"`
	User        string `yaml:"user"`
}

var promptID = regexp.MustCompile(`^[a-z][a-z0-9_-]{0,63}$`)

// ParsePrompt parses one YAML prompt file. Unknown keys, a missing id,
// version, system or user text, and broken templates are apperr.Invalid.
func ParsePrompt(b []byte) (Prompt, error) {
	var f promptFile
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	if err := dec.Decode(&f); err != nil {
		return Prompt{}, apperr.Wrap(apperr.Invalid, err, "prompt: bad YAML: %v", err)
	}
	switch {
	case !promptID.MatchString(f.ID):
		return Prompt{}, apperr.New(apperr.Invalid, "prompt: id %q must be lowercase letters, digits, _ or -", f.ID)
	case f.Version < 1:
		return Prompt{}, apperr.New(apperr.Invalid, "prompt %s: version must be a positive integer", f.ID)
	case strings.TrimSpace(f.System) == "" || strings.TrimSpace(f.User) == "":
		return Prompt{}, apperr.New(apperr.Invalid, "prompt %s: system and user texts are required", f.ID)
	}
	p := Prompt{ID: f.ID, Version: fmt.Sprintf("%s@v%d", f.ID, f.Version), Description: f.Description}
	var err error
	if p.system, err = parseTemplate(p.ID+".system", f.System); err != nil {
		return Prompt{}, err
	}
	if p.user, err = parseTemplate(p.ID+".user", f.User); err != nil {
		return Prompt{}, err
	}
	sum := sha256.Sum256([]byte(f.System + "\x00" + f.User))
	p.Digest = hex.EncodeToString(sum[:6])
	// Render once with sample data: a template that names a field PromptData
	// lacks fails here, at load, not on a visitor's turn.
	if _, err := p.Render(PromptData{Subject: "s", Question: "q", Context: "c", Facts: []NumberedFact{{N: 1, Text: "f"}}}); err != nil {
		return Prompt{}, apperr.Wrap(apperr.Invalid, err, "prompt %s: template does not render: %v", p.ID, errors.Unwrap(err))
	}
	return p, nil
}

func parseTemplate(name, text string) (*template.Template, error) {
	t, err := template.New(name).Option("missingkey=error").Parse(text)
	if err != nil {
		return nil, apperr.Wrap(apperr.Invalid, err, "prompt %s: %v", name, err)
	}
	return t, nil
}

// Render returns the system and user messages for data. Fact, question and
// context text is flattened to one line each, so no fact can forge another
// numbered line or a section of the prompt.
func (p Prompt) Render(data PromptData) ([]Message, error) {
	if p.system == nil {
		return nil, apperr.New(apperr.Internal, "prompt: zero Prompt")
	}
	data.Subject = flatten(data.Subject)
	data.Question = flatten(data.Question)
	data.Context = flatten(data.Context)
	facts := make([]NumberedFact, len(data.Facts))
	for i, f := range data.Facts {
		facts[i] = NumberedFact{N: f.N, Text: flatten(f.Text)}
	}
	data.Facts = facts
	var sys, user strings.Builder
	if err := p.system.Execute(&sys, data); err != nil {
		return nil, apperr.Wrap(apperr.Internal, err, "prompt %s: render system", p.Version)
	}
	if err := p.user.Execute(&user, data); err != nil {
		return nil, apperr.Wrap(apperr.Internal, err, "prompt %s: render user", p.Version)
	}
	return []Message{
		{Role: RoleSystem, Content: strings.TrimSpace(sys.String())},
		{Role: RoleUser, Content: strings.TrimSpace(user.String())},
	}, nil
}

// flatten collapses all whitespace, newlines included, to single spaces.
func flatten(s string) string { return strings.Join(strings.Fields(s), " ") }

// PromptSet holds prompts by id.
type PromptSet struct {
	byID map[string]Prompt
}

// LoadPrompts parses every *.yaml file in dir of fsys. Duplicate ids are
// apperr.Invalid.
func LoadPrompts(fsys fs.FS, dir string) (*PromptSet, error) {
	names, err := fs.Glob(fsys, path.Join(dir, "*.yaml"))
	if err != nil {
		return nil, fmt.Errorf("list prompts: %w", err)
	}
	set := &PromptSet{byID: make(map[string]Prompt, len(names))}
	for _, name := range names {
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, fmt.Errorf("read prompt %s: %w", name, err)
		}
		p, err := ParsePrompt(b)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		if _, dup := set.byID[p.ID]; dup {
			return nil, apperr.New(apperr.Invalid, "%s: duplicate prompt id %q", name, p.ID)
		}
		set.byID[p.ID] = p
	}
	return set, nil
}

var defaultPrompts = sync.OnceValues(func() (*PromptSet, error) {
	return LoadPrompts(embeddedPrompts, "prompts")
})

// DefaultPrompts returns the prompts embedded in the binary, parsed once.
func DefaultPrompts() (*PromptSet, error) { return defaultPrompts() }

// Get returns the prompt with id, or apperr.NotFound.
func (s *PromptSet) Get(id string) (Prompt, error) {
	p, ok := s.byID[id]
	if !ok {
		return Prompt{}, apperr.New(apperr.NotFound, "prompt %q not found", id)
	}
	return p, nil
}
