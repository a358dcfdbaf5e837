/**
 * Classes built to break the rules of {@code Architecture}, one breach each, so that
 * {@code ArchitectureRulesTest} can show every rule reports what it should; nothing uses them.
 * {@code alpha} and {@code beta} stand for two functions, {@code common} for the shared module.
 */
package cn.lanzhou.epidemic.local.architecture.archfixture;
