using TrustSim.Cli;

return TrustSimApp.Run(args);
