// Package deploy_test checks the deployment files against the code they
// deploy: every setting they pass is one `parley serve` knows and accepts,
// the gateway configurations pass the gateway's own validation, and ports
// and probes agree with the addresses the settings open. No container is
// built or run here (the development machine has no container runtime).
package deploy_test

import (
	"bytes"
	"errors"
	"io"
	"net"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/parleyhq/parley/internal/config"
	gwconfig "github.com/parleyhq/parley/internal/gateway/config"
)

// secrets stands in for the Secret "parley" that kustomization.yaml tells
// the operator to create, and for compose's ${...} variables.
var secrets = map[string]string{
	"DATABASE_URL":       "postgres://parley:secret@postgres:5432/parley",
	"REDIS_URL":          "redis://redis:6379/0",
	"PARLEY_AUTH_PEPPER": strings.Repeat("ab", 32),
}

// knownEnv is every variable `parley serve` reads as a setting.
func knownEnv() map[string]bool {
	var c config.Serve
	m := map[string]bool{}
	for _, s := range c.Settings() {
		m[s.Env] = true
	}
	return m
}

// checkServeEnv fails unless env names only known settings (or the AWS
// credential chain's variables) and loads and validates as `parley serve`
// would load it.
func checkServeEnv(t *testing.T, where string, env map[string]string) *config.Serve {
	t.Helper()
	known := knownEnv()
	for k := range env {
		if !known[k] && !strings.HasPrefix(k, "AWS_") {
			t.Errorf("%s: %s is not a setting of parley serve", where, k)
		}
	}
	var c config.Serve
	if err := c.Settings().Load("", func(k string) string { return env[k] }); err != nil {
		t.Fatalf("%s: settings do not load: %v", where, err)
	}
	if err := c.Validate(); err != nil {
		t.Fatalf("%s: settings do not validate: %v", where, err)
	}
	return &c
}

func port(t *testing.T, addr string) string {
	t.Helper()
	_, p, err := net.SplitHostPort(addr)
	if err != nil {
		t.Fatalf("address %q: %v", addr, err)
	}
	return p
}

// manifests decodes every document of the files named.
func manifests(t *testing.T, files ...string) []map[string]any {
	t.Helper()
	var out []map[string]any
	for _, f := range files {
		b, err := os.ReadFile(filepath.Join("k8s", f))
		if err != nil {
			t.Fatal(err)
		}
		dec := yaml.NewDecoder(bytes.NewReader(b))
		for {
			var doc map[string]any
			err := dec.Decode(&doc)
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				t.Fatalf("%s: %v", f, err)
			}
			if doc["apiVersion"] == nil || doc["kind"] == nil || dig(doc, "metadata", "name") == nil {
				t.Fatalf("%s: a document without apiVersion, kind or metadata.name: %v", f, doc)
			}
			out = append(out, doc)
		}
	}
	return out
}

func dig(v any, path ...any) any {
	for _, p := range path {
		switch k := p.(type) {
		case string:
			m, ok := v.(map[string]any)
			if !ok {
				return nil
			}
			v = m[k]
		case int:
			s, ok := v.([]any)
			if !ok || k >= len(s) {
				return nil
			}
			v = s[k]
		}
	}
	return v
}

func find(t *testing.T, docs []map[string]any, kind, name string) map[string]any {
	t.Helper()
	for _, d := range docs {
		if d["kind"] == kind && dig(d, "metadata", "name") == name {
			return d
		}
	}
	t.Fatalf("no %s %q", kind, name)
	return nil
}

func containerPorts(c any) map[string]string {
	m := map[string]string{}
	ps, _ := dig(c, "ports").([]any)
	for _, p := range ps {
		m[dig(p, "name").(string)] = strings.TrimSpace(strings.Trim(yamlString(dig(p, "containerPort")), `"`))
	}
	return m
}

func yamlString(v any) string {
	b, _ := yaml.Marshal(v)
	return strings.TrimSpace(string(b))
}

func TestKustomizationListsEveryManifest(t *testing.T) {
	b, err := os.ReadFile("k8s/kustomization.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var k struct {
		Resources []string `yaml:"resources"`
	}
	if err := yaml.Unmarshal(b, &k); err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob("k8s/*.yaml")
	listed := map[string]bool{"kustomization.yaml": true}
	for _, r := range k.Resources {
		listed[r] = true
		if _, err := os.Stat(filepath.Join("k8s", r)); err != nil {
			t.Errorf("kustomization lists %s: %v", r, err)
		}
	}
	for _, f := range files {
		if !listed[filepath.Base(f)] {
			t.Errorf("%s is not in kustomization.yaml's resources", f)
		}
	}
}

func TestKubernetesAPI(t *testing.T) {
	docs := manifests(t, "config.yaml", "api.yaml")
	env := map[string]string{}
	for k, v := range secrets {
		env[k] = v
	}
	data := find(t, docs, "ConfigMap", "parley")["data"].(map[string]any)
	for k, v := range data {
		env[k] = v.(string)
	}
	dep := find(t, docs, "Deployment", "parley-api")
	c := dig(dep, "spec", "template", "spec", "containers", 0)
	for _, e := range dig(c, "env").([]any) {
		env[dig(e, "name").(string)] = dig(e, "value").(string)
	}
	cfg := checkServeEnv(t, "api.yaml", env)

	ports := containerPorts(c)
	if got := port(t, cfg.HTTPAddr); ports["http"] != got {
		t.Errorf("containerPort http = %s, PARLEY_HTTP_ADDR listens on %s", ports["http"], got)
	}
	if got := port(t, cfg.AdminAddr); ports["admin"] != got {
		t.Errorf("containerPort admin = %s, PARLEY_ADMIN_ADDR listens on %s", ports["admin"], got)
	}
	if a := dig(dep, "spec", "template", "metadata", "annotations", "prometheus.io/port"); a != ports["admin"] {
		t.Errorf("prometheus.io/port = %v, metrics are on the admin port %s", a, ports["admin"])
	}
	openapi, err := os.ReadFile("../docs/openapi.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, probe := range []string{"startupProbe", "livenessProbe", "readinessProbe"} {
		path, _ := dig(c, probe, "httpGet", "path").(string)
		if path == "" || !bytes.Contains(openapi, []byte("\n  "+path+":")) {
			t.Errorf("%s path %q is not an API route in docs/openapi.yaml", probe, path)
		}
	}
	if dig(c, "readinessProbe", "httpGet", "path") != "/readyz" {
		t.Error("readiness must be /readyz (it fails while the database or Redis is unreachable)")
	}
	if env["PARLEY_BLOB"] != "s3" {
		t.Error("replicas share no disk: PARLEY_BLOB must be s3")
	}
	if cfg.DataDir != dig(c, "volumeMounts", 0, "mountPath") {
		t.Errorf("PARLEY_DATA_DIR %q is not the mounted data volume", cfg.DataDir)
	}
	svc := find(t, docs, "Service", "parley-api")
	if dig(svc, "spec", "ports", 0, "targetPort") != "http" {
		t.Error("Service parley-api does not target the http port")
	}
}

func TestKubernetesGateway(t *testing.T) {
	docs := manifests(t, "config.yaml", "gateway.yaml", "api.yaml")
	raw := dig(find(t, docs, "ConfigMap", "parley-gateway"), "data", "gateway.yaml").(string)
	gw, err := gwconfig.Parse([]byte(raw))
	if err != nil {
		t.Fatalf("gateway.yaml in ConfigMap parley-gateway: %v", err)
	}
	dep := find(t, docs, "Deployment", "parley-gateway")
	c := dig(dep, "spec", "template", "spec", "containers", 0)
	ports := containerPorts(c)
	if p := port(t, gw.Listen); ports["http"] != p {
		t.Errorf("containerPort http = %s, listen is on %s", ports["http"], p)
	}
	if p := port(t, gw.AdminListen); ports["admin"] != p {
		t.Errorf("containerPort admin = %s, admin_listen is on %s", ports["admin"], p)
	}
	if dig(c, "readinessProbe", "httpGet", "port") != "admin" || dig(c, "readinessProbe", "httpGet", "path") != "/healthz" {
		t.Error("the gateway's readiness probe must be GET /healthz on its admin port")
	}
	args := dig(c, "args").([]any)
	mount := dig(c, "volumeMounts", 0, "mountPath").(string)
	if args[0] != "gateway" || args[2] != mount+"/gateway.yaml" {
		t.Errorf("args %v do not read the mounted %s/gateway.yaml", args, mount)
	}
	grace := dig(dep, "spec", "template", "spec", "terminationGracePeriodSeconds").(int)
	if float64(grace) <= gw.ShutdownTimeout.Seconds() {
		t.Errorf("terminationGracePeriodSeconds %d does not exceed shutdown_timeout %v: streams would be killed", grace, gw.ShutdownTimeout)
	}
	// Every upstream target is the API Service, on its port.
	svcPort := yamlString(dig(find(t, docs, "Service", "parley-api"), "spec", "ports", 0, "port"))
	for name, u := range gw.Upstreams {
		for _, target := range u.Targets {
			if target != "http://parley-api:"+svcPort {
				t.Errorf("upstream %s target %s is not the parley-api Service", name, target)
			}
		}
	}
}

func TestCompose(t *testing.T) {
	b, err := os.ReadFile("compose.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var f struct {
		Services map[string]struct {
			Command     []string          `yaml:"command"`
			Environment map[string]string `yaml:"environment"`
			Ports       []string          `yaml:"ports"`
		} `yaml:"services"`
		Configs map[string]struct {
			Content string `yaml:"content"`
		} `yaml:"configs"`
	}
	if err := yaml.Unmarshal(b, &f); err != nil {
		t.Fatal(err)
	}
	// ${NAME:?message} and ${NAME:-default} as compose expands them.
	subst := regexp.MustCompile(`\$\{([A-Z_]+)(:[?-])?([^}]*)\}`)
	apis := 0
	for name, s := range f.Services {
		if len(s.Command) == 0 || s.Command[0] != "serve" {
			continue
		}
		apis++
		env := map[string]string{}
		for k, v := range s.Environment {
			env[k] = subst.ReplaceAllStringFunc(v, func(m string) string {
				g := subst.FindStringSubmatch(m)
				if v, ok := secrets[g[1]]; ok {
					return v
				}
				if g[2] == ":-" {
					return g[3]
				}
				t.Errorf("%s: ${%s} has neither a default nor a stand-in here", name, g[1])
				return ""
			})
		}
		checkServeEnv(t, "compose.yaml "+name, env)
	}
	if apis < 2 {
		t.Errorf("compose.yaml runs %d API replicas; it exists to show more than one", apis)
	}
	gw, err := gwconfig.Parse([]byte(f.Configs["gateway"].Content))
	if err != nil {
		t.Fatalf("compose.yaml gateway config: %v", err)
	}
	for _, target := range gw.Upstreams["api"].Targets {
		host := strings.TrimPrefix(strings.Split(target, ":")[1], "//")
		if _, ok := f.Services[host]; !ok {
			t.Errorf("gateway target %s is not a compose service", target)
		}
	}
	if p := port(t, gw.Listen); len(f.Services["gateway"].Ports) == 0 || !strings.HasSuffix(f.Services["gateway"].Ports[0], ":"+p) {
		t.Errorf("gateway ports %v do not publish listen port %s", f.Services["gateway"].Ports, p)
	}
}

func TestDockerfile(t *testing.T) {
	b, err := os.ReadFile("Dockerfile")
	if err != nil {
		t.Fatal(err)
	}
	text := strings.ReplaceAll(string(b), "\\\n", " ")
	env := map[string]string{}
	var exposed []string
	for _, line := range strings.Split(text, "\n") {
		fields := strings.Fields(line)
		if len(fields) == 0 {
			continue
		}
		switch fields[0] {
		case "ENV":
			for _, kv := range fields[1:] {
				k, v, _ := strings.Cut(kv, "=")
				env[k] = v
			}
		case "EXPOSE":
			exposed = append(exposed, fields[1:]...)
		}
	}
	cfg := checkServeEnv(t, "Dockerfile", env)
	for _, addr := range []string{cfg.HTTPAddr, cfg.AdminAddr} {
		if h, _, _ := net.SplitHostPort(addr); h != "0.0.0.0" {
			t.Errorf("%s: a container must listen on all interfaces", addr)
		}
		found := false
		for _, e := range exposed {
			found = found || e == port(t, addr)
		}
		if !found {
			t.Errorf("EXPOSE %v lacks %s", exposed, port(t, addr))
		}
	}
	if !strings.Contains(text, "./cmd/parley") || !strings.Contains(text, `ENTRYPOINT ["parley"]`) {
		t.Error("the image must build ./cmd/parley and run it as its entry point")
	}
	if !regexp.MustCompile(`(?m)^USER [1-9][0-9]*`).MatchString(text) {
		t.Error("the image must run as a numeric non-root user (runAsNonRoot checks it)")
	}
}
