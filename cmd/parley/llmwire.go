package main

import (
	"log/slog"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/redis/go-redis/v9"

	"github.com/parleyhq/parley/internal/cache"
	"github.com/parleyhq/parley/internal/chat"
	"github.com/parleyhq/parley/internal/config"
	"github.com/parleyhq/parley/internal/llm"
)

// attachLLM gives the conversation service an LLM when the configuration
// names a primary provider (PARLEY_LLM_BASE_URL or llm_base_url); otherwise
// replies stay deterministic.
func attachLLM(cfg *config.Serve, rdb *redis.Client, reg prometheus.Registerer, chats *chat.Service, logger *slog.Logger) error {
	cfgs := llmConfigs(cfg.LLM)
	if len(cfgs) == 0 {
		return nil
	}
	budget := cfg.LLM.Budget
	metrics, err := llm.NewMetrics(reg)
	if err != nil {
		return err
	}
	deps := llm.Deps{Logger: logger, Metrics: metrics}
	if cfg.Cache {
		if rdb != nil {
			deps.Cache = cache.NewRedis(rdb, redisPrefix+"llm:")
		} else {
			deps.Cache = cache.NewMemory(32 << 20)
		}
	}
	provider, err := llm.NewProvider(cfgs, deps)
	if err != nil {
		return err
	}
	answerer, err := llm.NewAnswerer(provider, llm.AnswererOptions{Logger: logger, Metrics: metrics, Budget: budget})
	if err != nil {
		return err
	}
	chats.WithLLM(answerer)
	logger.Info("llm layer on", "providers", len(cfgs), "model", cfgs[0].Model, "base_url", config.MaskURL(cfgs[0].BaseURL), "budget", budget)
	return nil
}

// llmConfigs turns the validated settings into the client's configs, one
// per provider in fallback order (none when the layer is off).
func llmConfigs(c config.LLMConfig) []llm.Config {
	var out []llm.Config
	for _, p := range c.Chain() {
		out = append(out, llm.Config{
			Name: p.Name, BaseURL: p.BaseURL, Model: p.Model, APIKey: p.APIKey,
			Timeout: p.Timeout, MaxRetries: int(p.MaxRetries),
		})
	}
	return out
}
