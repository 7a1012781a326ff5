// Package docs embeds the documents the server serves itself.
package docs

import _ "embed"

// OpenAPI is the OpenAPI 3.1 description of the HTTP API (openapi.yaml).
//
//go:embed openapi.yaml
var OpenAPI []byte
