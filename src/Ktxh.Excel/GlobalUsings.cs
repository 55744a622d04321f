global using Ktxh.Indicators;
