import LedeCLI

Lede.main(extraStages: [])
