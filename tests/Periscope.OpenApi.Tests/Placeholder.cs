namespace Periscope.OpenApi.Tests;
