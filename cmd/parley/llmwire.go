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

// attachLLM gives the conversation service an LLM when PARLEY_LLM_BASE_URL
// (or the config file's llm_base_url) names one; otherwise replies stay
// deterministic.
func attachLLM(cfg *config.Serve, getenv func(string) string, rdb *redis.Client, reg prometheus.Registerer, chats *chat.Service, logger *slog.Logger) error {
	// The primary provider may come from the config file; fallbacks are read
	// from the environment.
	env := func(k string) string {
		switch k {
		case "PARLEY_LLM_BASE_URL":
			return cfg.LLMBaseURL
		case "PARLEY_LLM_MODEL":
			return cfg.LLMModel
		case "PARLEY_LLM_API_KEY":
			return cfg.LLMAPIKey
		}
		return getenv(k)
	}
	cfgs, err := llm.ConfigFromEnv(env)
	if err != nil || len(cfgs) == 0 {
		return err
	}
	budget, err := llm.BudgetFromEnv(getenv)
	if err != nil {
		return err
	}
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
	logger.Info("llm layer on", "providers", len(cfgs), "model", cfgs[0].Model, "base_url", cfgs[0].BaseURL, "budget", budget)
	return nil
}
