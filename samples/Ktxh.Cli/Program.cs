using Ktxh.Cli;

// The `ktxh` command line. Each command lives in its own file under Commands/ and is listed in CommandCatalog.
return KtxhCli.Run(args);
