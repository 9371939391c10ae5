namespace Periscope.Functions.Tests;
